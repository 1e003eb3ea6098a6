package demo;

public class Broken {
    public static void main(String[] args) {
        int x = "text";
System.out.println(y)
    }
}
