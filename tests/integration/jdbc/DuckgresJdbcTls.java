// Connects with pgjdbc to the URL given (sslmode and sslrootcert in it) and prints "ok <select 1>" or
// "error <SQLSTATE> <message>": test_tls.py checks pgjdbc's TLS modes with it.
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

public final class DuckgresJdbcTls {
  private DuckgresJdbcTls() {}

  public static void main(String[] args) {
    Properties p = new Properties();
    p.setProperty("user", args[1]);
    p.setProperty("password", args[2]);
    p.setProperty("connectTimeout", "10");
    try (Connection c = DriverManager.getConnection(args[0], p);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select 1")) {
      r.next();
      System.out.println("ok " + r.getInt(1));
    } catch (SQLException e) {
      System.out.println("error " + e.getSQLState() + " " + e.getMessage());
    }
  }
}
