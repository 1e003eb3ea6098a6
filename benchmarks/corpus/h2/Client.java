import java.io.OutputStream;
import java.net.Socket;
import java.sql.*;
import java.util.Random;

/** Random JDBC (TCP) traffic against the H2 server: java Client PORT COUNT SEED */
public class Client {
    static Random rnd;
    static int port;

    static String url(String db) { return "jdbc:h2:tcp://127.0.0.1:" + port + "/" + db; }

    static void quiet(Connection c, String sql) {
        try (Statement s = c.createStatement()) { s.execute(sql); } catch (SQLException e) { /* expected */ }
    }

    static void session(String db) throws Exception {
        try (Connection c = DriverManager.getConnection(url(db), "sa", "")) {
            quiet(c, "CREATE TABLE IF NOT EXISTS items(id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40), qty INT)");
            int n = 1 + rnd.nextInt(6);
            for (int i = 0; i < n; i++) {
                switch (rnd.nextInt(9)) {
                    case 0: case 1: quiet(c, "INSERT INTO items(name, qty) VALUES('n" + rnd.nextInt(500) + "', " + rnd.nextInt(100) + ")"); break;
                    case 2: case 3: try (PreparedStatement p = c.prepareStatement("SELECT * FROM items WHERE qty > ?")) {
                                p.setInt(1, rnd.nextInt(100)); try (ResultSet r = p.executeQuery()) { while (r.next()) { } } } break;
                    case 4: quiet(c, "UPDATE items SET qty = qty + 1 WHERE id = " + rnd.nextInt(50)); break;
                    case 5: quiet(c, "SELEC broken FROM"); break;
                    case 6: quiet(c, "SELECT * FROM missing_" + rnd.nextInt(5)); break;
                    case 7: c.setAutoCommit(false); quiet(c, "DELETE FROM items WHERE id = " + rnd.nextInt(50));
                            if (rnd.nextBoolean()) c.commit(); else c.rollback(); c.setAutoCommit(true); break;
                    default: quiet(c, "INSERT INTO items(id, name, qty) VALUES(1, 'dup', 1)");
                }
            }
            if (rnd.nextInt(6) == 0) { // a statement cancelled from another thread
                quiet(c, "CREATE ALIAS IF NOT EXISTS SLEEP FOR 'java.lang.Thread.sleep'");
                Statement s = c.createStatement();
                Thread t = new Thread(() -> { try { Thread.sleep(300); s.cancel(); } catch (Exception e) { } });
                t.start();
                try { s.execute("CALL SLEEP(2000)"); } catch (SQLException e) { }
                t.join();
            }
            if (rnd.nextInt(8) == 0) { try (Statement s = c.createStatement()) { s.setQueryTimeout(1);
                quiet(c, "CREATE ALIAS IF NOT EXISTS SLEEP FOR 'java.lang.Thread.sleep'");
                try { s.execute("SELECT SLEEP(10) FROM SYSTEM_RANGE(1, 3)"); } catch (SQLException e) { } } }
        }
    }

    static void op() throws Exception {
        switch (rnd.nextInt(20)) {
            case 0: case 1: case 2: case 3: case 4: case 5: session("app"); break;
            case 6: case 7: session("db" + rnd.nextInt(4)); break;
            case 8: session("tdb;TRACE_LEVEL_SYSTEM_OUT=3"); break;
            case 9: try { DriverManager.getConnection(url("app"), "sa", "wrong" + rnd.nextInt(9)).close(); } catch (SQLException e) { } break;
            case 10: try { DriverManager.getConnection(url("app"), "nobody", "x").close(); } catch (SQLException e) { } break;
            case 11: try { DriverManager.getConnection(url("../outside" + rnd.nextInt(3)), "sa", "").close(); } catch (SQLException e) { } break;
            case 12: try { DriverManager.getConnection(url("app;CIPHER=AES"), "sa", "a b").close(); } catch (SQLException e) { } break;
            case 13: try (Socket s = new Socket("127.0.0.1", port)) { // garbage instead of the protocol
                         OutputStream o = s.getOutputStream(); byte[] b = new byte[1 + rnd.nextInt(40)]; rnd.nextBytes(b); o.write(b); o.flush(); Thread.sleep(100); } break;
            case 14: try (Socket s = new Socket("127.0.0.1", port)) { s.getOutputStream().write(new byte[] {0, 0, 0, 1, 0, 0, 0, 2}); Thread.sleep(100); } break;
            case 15: try (Socket s = new Socket("127.0.0.1", port)) { Thread.sleep(50); } break;
            case 16: try { org.h2.tools.Server.shutdownTcpServer("tcp://127.0.0.1:" + port, "badpw", false, false); } catch (SQLException e) { } break;
            case 17: try { DriverManager.getConnection(url("app;IFEXISTS=TRUE;ACCESS_MODE_DATA=x"), "sa", "").close(); } catch (SQLException e) { } break;
            case 18: try { DriverManager.getConnection(url("nosuchdb" + rnd.nextInt(99) + ";IFEXISTS=TRUE"), "sa", "").close(); } catch (SQLException e) { } break;
            default: try (Connection c = DriverManager.getConnection(url("app"), "sa", "")) { Socket x = null; } // open/close only
        }
    }

    public static void main(String[] a) throws Exception {
        port = Integer.parseInt(a[0]);
        int count = Integer.parseInt(a[1]);
        rnd = new Random(Long.parseLong(a[2]));
        for (int i = 0; i < count; i++) {
            try { op(); } catch (Exception e) { }
            Thread.sleep(rnd.nextInt(60));
        }
    }
}
