package demo;

public class Main {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        if (n < 0) {
            System.exit(2);
        }
        System.out.println(Util.sum(n));
    }
}
