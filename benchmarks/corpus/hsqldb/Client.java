// Minimal randomised JDBC client for the HyperSQL server workload (no logging of its own).
// usage: java -cp hsqldb.jar:. Client URL USER PASSWORD SEED OPS [abort]
import java.sql.*;
import java.util.Random;

public class Client {
    static Random r;

    static String pick(String... a) { return a[r.nextInt(a.length)]; }

    public static void main(String[] args) throws Exception {
        r = new Random(Long.parseLong(args[3]));
        int ops = Integer.parseInt(args[4]);
        Connection c;
        try {
            c = DriverManager.getConnection(args[0], args[1], args[2]);
        } catch (SQLException e) {
            System.exit(2);
            return;
        }
        Statement s = c.createStatement();
        if (args.length > 5 && args[5].startsWith("sql:")) {
            for (String q : args[5].substring(4).split(";;")) {
                try { s.execute(q); } catch (SQLException e) { }
            }
            Runtime.getRuntime().halt(0);
        }
        try {
            s.execute("CREATE TABLE IF NOT EXISTS items (id INT PRIMARY KEY, name VARCHAR(40), price DOUBLE, ts TIMESTAMP)");
        } catch (SQLException e) { }
        for (int i = 0; i < ops; i++) {
            try {
                step(c, s);
            } catch (SQLException e) {
                // expected for some random statements
            }
        }
        if (args.length > 5) {
            Runtime.getRuntime().halt(0); // vanish without disconnecting
        }
        c.close();
    }

    static void step(Connection c, Statement s) throws SQLException {
        int id = r.nextInt(500);
        switch (r.nextInt(16)) {
            case 0: case 1: case 2:
                s.executeUpdate("INSERT INTO items VALUES (" + id + ", '" + pick("apple", "pear", "plum", "fig", "kiwi")
                        + id + "', " + r.nextInt(1000) / 10.0 + ", CURRENT_TIMESTAMP)");
                break;
            case 3: case 4: {
                ResultSet rs = s.executeQuery(pick("SELECT * FROM items WHERE id < " + id,
                        "SELECT COUNT(*), AVG(price) FROM items",
                        "SELECT name FROM items ORDER BY price DESC LIMIT 5",
                        "SELECT *\n  FROM items\n WHERE price > " + r.nextInt(100) + "\n ORDER BY id",
                        "VALUES (1, 2, 3)"));
                while (rs.next()) { }
                rs.close();
                break;
            }
            case 5: {
                PreparedStatement p = c.prepareStatement("UPDATE items SET price = ? WHERE id = ?");
                p.setDouble(1, r.nextInt(1000) / 10.0);
                p.setInt(2, id);
                p.executeUpdate();
                p.close();
                break;
            }
            case 6: {
                PreparedStatement p = c.prepareStatement("SELECT id, name FROM items WHERE id BETWEEN ? AND ?");
                p.setInt(1, id);
                p.setInt(2, id + r.nextInt(100));
                ResultSet rs = p.executeQuery();
                while (rs.next()) { }
                p.close();
                break;
            }
            case 7: {
                PreparedStatement p = c.prepareStatement("MERGE INTO items USING (VALUES(?, ?)) AS v(a, b) ON items.id = v.a "
                        + "WHEN MATCHED THEN UPDATE SET name = v.b WHEN NOT MATCHED THEN INSERT VALUES (v.a, v.b, 1.0, NULL)");
                int n = 1 + r.nextInt(8);
                for (int k = 0; k < n; k++) {
                    p.setInt(1, r.nextInt(600));
                    p.setString(2, "batch" + k);
                    p.addBatch();
                }
                p.executeBatch();
                p.close();
                break;
            }
            case 8: {
                c.setAutoCommit(false);
                s.executeUpdate("DELETE FROM items WHERE id = " + id);
                if (r.nextBoolean()) {
                    Savepoint sp = c.setSavepoint("sp" + r.nextInt(9));
                    s.executeUpdate("UPDATE items SET price = price * 2 WHERE id > " + id);
                    if (r.nextBoolean()) c.rollback(sp); else c.releaseSavepoint(sp);
                }
                if (r.nextBoolean()) c.commit(); else c.rollback();
                c.setAutoCommit(true);
                break;
            }
            case 9: {
                s.execute(pick("SELEC * FROM items", "SELECT * FROM missing_table", "INSERT INTO items VALUES (1)",
                        "DROP TABLE nothing_here", "CALL no_such_function()", "SELECT 1/0 FROM (VALUES(0))"));
                break;
            }
            case 10: {
                Statement u = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_UPDATABLE);
                ResultSet rs = u.executeQuery("SELECT id, name, price FROM items WHERE id < " + id);
                if (rs.next()) {
                    rs.updateDouble(3, r.nextInt(100));
                    rs.updateRow();
                }
                rs.close();
                u.close();
                break;
            }
            case 11: {
                Statement f = c.createStatement();
                f.setFetchSize(1 + r.nextInt(20));
                f.setMaxRows(r.nextInt(3) == 0 ? 10 : 0);
                ResultSet rs = f.executeQuery("SELECT * FROM items CROSS JOIN (VALUES(1),(2),(3)) AS x(n)");
                int k = 0;
                while (rs.next() && k++ < 200) { }
                rs.close();
                f.close();
                break;
            }
            case 12: {
                c.getMetaData().getTables(null, null, "%", null).close();
                c.setReadOnly(r.nextBoolean());
                c.setTransactionIsolation(r.nextBoolean() ? Connection.TRANSACTION_READ_COMMITTED
                        : Connection.TRANSACTION_SERIALIZABLE);
                c.setReadOnly(false);
                break;
            }
            case 13: {
                s.execute(pick("CHECKPOINT", "SET DATABASE EVENT LOG LEVEL 2", "CALL DATABASE_VERSION()",
                        "SELECT * FROM INFORMATION_SCHEMA.SYSTEM_SESSIONS", "COMMIT", "SET AUTOCOMMIT FALSE",
                        "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE"));
                break;
            }
            case 14: {
                CallableStatement cs = c.prepareCall("{call ABS(?)}");
                cs.setInt(1, -id);
                cs.execute();
                cs.close();
                break;
            }
            default: {
                s.execute("-- probe\nSELECT id,\n       name\n  FROM items\n WHERE id = " + id);
                break;
            }
        }
    }
}
