// Real-driver checks with pgjdbc (Debian's /usr/share/java/postgresql.jar), run by
// tests/integration/test_jdbc.py against Duckgres and against the reference PostgreSQL 15.
//
//   java -Duser.timezone=UTC -cp CLASSES:/usr/share/java/postgresql.jar DuckgresJdbcCheck \
//        HOST PORT USER PASSWORD SCENARIO [SCENARIO...]
//
// Every scenario runs on its own connection(s) and prints "=== <scenario>" followed by result
// lines. Lines starting with "~" legitimately differ between servers (version strings) and are
// checked separately by the Python side; every other line must be identical on both servers. A
// scenario that throws prints "!!! <exception>" with the SQLSTATE and stack trace and the program
// goes on with the next one; the exit code is 1 when any scenario threw.

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

public final class DuckgresJdbcCheck {
  private final String host;
  private final int port;
  private final String user;
  private final String password;

  private DuckgresJdbcCheck(String host, int port, String user, String password) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
  }

  private static void out(String line) {
    System.out.println(line);
  }

  private Connection connect(Properties extra) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    p.setProperty("sslmode", "disable");
    p.setProperty("connectTimeout", "10");
    p.setProperty("socketTimeout", "60");
    p.setProperty("ApplicationName", "duckgres-jdbc-check");
    if (extra != null) {
      p.putAll(extra);
    }
    return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", p);
  }

  private Connection connect() throws SQLException {
    return connect(null);
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static String str(Object o) {
    if (o == null) {
      return "NULL";
    }
    return o.getClass().getSimpleName() + ":" + o;
  }

  /** Prints every row of a result set: getObject (with its Java class) and getString. */
  private static void dumpRows(ResultSet rs, String prefix) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    while (rs.next()) {
      StringBuilder sb = new StringBuilder(prefix).append("row");
      for (int i = 1; i <= md.getColumnCount(); i++) {
        sb.append(" | ").append(str(rs.getObject(i))).append(" / ").append(rs.getString(i));
      }
      out(sb.toString());
    }
  }

  private static void dumpColumns(ResultSetMetaData md) throws SQLException {
    for (int i = 1; i <= md.getColumnCount(); i++) {
      out("column " + md.getColumnLabel(i) + " type=" + md.getColumnType(i) + " typename="
          + md.getColumnTypeName(i) + " precision=" + md.getPrecision(i) + " scale="
          + md.getScale(i) + " class=" + md.getColumnClassName(i));
    }
  }

  // --------------------------------------------------------------------------------------------
  // Scenarios

  /** SCRAM login, DatabaseMetaData, isValid (an empty query), a wrong password. */
  private void connectScenario() throws SQLException {
    try (Connection c = connect()) {
      DatabaseMetaData md = c.getMetaData();
      out("product=" + md.getDatabaseProductName());
      out("~version=" + md.getDatabaseProductVersion());
      out("~major=" + md.getDatabaseMajorVersion());
      out("~minor=" + md.getDatabaseMinorVersion());
      out("driver=" + md.getDriverName());
      out("user=" + md.getUserName());
      out("valid=" + c.isValid(5));
      out("autocommit=" + c.getAutoCommit());
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT 1 AS one, current_user AS who")) {
        dumpRows(rs, "");
      }
    }
    Properties bad = new Properties();
    bad.setProperty("password", password + "-wrong");
    try {
      connect(bad).close();
      out("wrong password: connected!");
    } catch (SQLException e) {
      out("wrong password: sqlstate=" + e.getSQLState());
    }
  }

  /** A plain Statement over several types, with the result set metadata. */
  private void typesScenario() throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      String sql =
          "SELECT 42::int4 AS i, 9000000000::int8 AS b, 12345.678::numeric(10,3) AS n,"
              + " 'héllo wörld'::text AS t, true AS bo, DATE '2024-02-29' AS d,"
              + " TIMESTAMP '2024-01-02 03:04:05.123456' AS ts,"
              + " TIMESTAMPTZ '2024-01-02 03:04:05.5+02' AS tstz, 1.5::float8 AS f,"
              + " 2.25::float4 AS r, 7::int2 AS s, NULL::int4 AS nul";
      try (ResultSet rs = st.executeQuery(sql)) {
        dumpColumns(rs.getMetaData());
        dumpRows(rs, "");
      }
      try (ResultSet rs = st.executeQuery(sql)) {
        rs.next();
        out("getInt=" + rs.getInt("i") + " getLong=" + rs.getLong("b") + " getBigDecimal="
            + rs.getBigDecimal("n") + " getBoolean=" + rs.getBoolean("bo") + " getDate="
            + rs.getDate("d") + " getTimestamp=" + rs.getTimestamp("ts") + " getTimestamp(tz)="
            + rs.getTimestamp("tstz") + " getDouble=" + rs.getDouble("f") + " getFloat="
            + rs.getFloat("r") + " getShort=" + rs.getShort("s"));
        out("getInt(null)=" + rs.getInt("nul") + " wasNull=" + rs.wasNull());
      }

      exec(c, "DROP TABLE IF EXISTS jdbc_types");
      exec(c, "CREATE TABLE jdbc_types (id integer, amount numeric(10,2), label text, flag boolean)");
      int n = st.executeUpdate("INSERT INTO jdbc_types VALUES (1, 10.5, 'a', true), (2, -3.25, 'b', false),"
          + " (3, NULL, NULL, NULL)");
      out("inserted=" + n + " updateCount=" + st.getUpdateCount());
      try (ResultSet rs = st.executeQuery("SELECT id, amount, label, flag FROM jdbc_types ORDER BY id")) {
        dumpColumns(rs.getMetaData());
        dumpRows(rs, "");
      }
      out("updated=" + st.executeUpdate("UPDATE jdbc_types SET flag = NOT flag WHERE flag IS NOT NULL"));
      out("deleted=" + st.executeUpdate("DELETE FROM jdbc_types WHERE id > 100"));
      // execute() of a statement that returns rows, then one that does not.
      out("execute(select)=" + st.execute("SELECT count(*) FROM jdbc_types"));
      try (ResultSet rs = st.getResultSet()) {
        dumpRows(rs, "");
      }
      out("execute(drop)=" + st.execute("DROP TABLE jdbc_types") + " updateCount=" + st.getUpdateCount());
    }
  }

  /**
   * PreparedStatements run more often than prepareThreshold (5): from the 5th execution on pgjdbc
   * parses into a named server-side statement (S_n), reuses it with Bind/Execute only, and asks for
   * binary results for the types it knows.
   */
  private void preparedScenario() throws SQLException {
    ProtocolCounter counter = new ProtocolCounter();
    AutoCloseable watch = watchProtocol(counter);
    try {
      preparedStatements(counter);
    } finally {
      closeQuietly(watch);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends pgjdbc's FINEST protocol log to `counter` until the returned handle is closed. */
  private static AutoCloseable watchProtocol(ProtocolCounter counter) {
    Logger pgLogger = Logger.getLogger("org.postgresql");
    Level oldLevel = pgLogger.getLevel();
    counter.setLevel(Level.ALL);
    pgLogger.setLevel(Level.FINEST);
    pgLogger.addHandler(counter);
    return () -> {
      pgLogger.removeHandler(counter);
      pgLogger.setLevel(oldLevel);
    };
  }

  private void preparedStatements(ProtocolCounter counter) throws SQLException {
    try (Connection c = connect()) {
      exec(c, "DROP TABLE IF EXISTS jdbc_prep");
      exec(c, "CREATE TABLE jdbc_prep (id integer PRIMARY KEY, name text, ts timestamp,"
          + " amount numeric(12,3), note text, big bigint, flag boolean, ratio double precision, day date,"
          + " small smallint)");
      try (PreparedStatement ins = c.prepareStatement(
          "INSERT INTO jdbc_prep (id, name, ts, amount, note, big, flag, ratio, day, small)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        counter.reset();
        for (int i = 1; i <= 12; i++) {
          ins.setInt(1, i);
          ins.setString(2, "name-" + i + (i % 3 == 0 ? " 'quoted' ünï" : ""));
          ins.setTimestamp(3, Timestamp.valueOf("2024-03-0" + (i % 9 + 1) + " 10:20:30." + (100000 + i)));
          ins.setBigDecimal(4, new BigDecimal("1234.5").multiply(BigDecimal.valueOf(i)).negate());
          if (i % 2 == 0) {
            ins.setNull(5, Types.VARCHAR);
          } else {
            ins.setString(5, "note " + i);
          }
          ins.setLong(6, 10_000_000_000L * i);
          ins.setBoolean(7, i % 3 == 1);
          ins.setDouble(8, i / 8.0);
          ins.setDate(9, java.sql.Date.valueOf("2023-12-" + (10 + i)));
          if (i % 4 == 0) {
            ins.setNull(10, Types.SMALLINT);
          } else {
            ins.setShort(10, (short) (-i * 100));
          }
          out("insert " + i + " -> " + ins.executeUpdate());
        }
        out("insert " + counter.namedSummary());
      }
      try (PreparedStatement sel = c.prepareStatement(
          "SELECT id, name, ts, amount, note, big, flag, ratio, day, small, id * 2 AS twice FROM jdbc_prep"
              + " WHERE id = ?")) {
        counter.reset();
        for (int i = 1; i <= 12; i++) {
          sel.setInt(1, i);
          try (ResultSet rs = sel.executeQuery()) {
            if (i == 1 || i == 12) {
              dumpColumns(rs.getMetaData());
            }
            dumpRows(rs, "exec " + i + " ");
          }
        }
        out("select " + counter.namedSummary());
      }
      // Parameters in a range predicate and in an optional filter ("? IS NULL", whose type only the
      // Parse message gives: pgjdbc declares varchar for setString and setNull(VARCHAR)).
      try (PreparedStatement sel = c.prepareStatement(
          "SELECT count(*) AS n, sum(amount) AS total, max(ts) AS latest FROM jdbc_prep"
              + " WHERE ts >= ? AND amount < ? AND (name LIKE ? OR ? IS NULL)")) {
        counter.reset();
        for (int i = 1; i <= 8; i++) {
          sel.setTimestamp(1, Timestamp.valueOf("2024-03-0" + (i % 4 + 1) + " 00:00:00"));
          sel.setBigDecimal(2, new BigDecimal("-" + (i * 1000) + ".5"));
          sel.setString(3, "name-1%");
          if (i % 2 == 0) {
            sel.setNull(4, Types.VARCHAR);
          } else {
            sel.setString(4, "x");
          }
          try (ResultSet rs = sel.executeQuery()) {
            dumpRows(rs, "agg " + i + " ");
          }
        }
        out("agg " + counter.namedSummary());
      }
      try (PreparedStatement upd = c.prepareStatement("UPDATE jdbc_prep SET note = ? WHERE id <= ?")) {
        counter.reset();
        for (int i = 1; i <= 7; i++) {
          upd.setString(1, "updated " + i);
          upd.setInt(2, i);
          out("update " + i + " -> " + upd.executeUpdate());
        }
        out("update " + counter.namedSummary());
      }
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT id, note FROM jdbc_prep ORDER BY id")) {
        dumpRows(rs, "final ");
      }
      exec(c, "DROP TABLE jdbc_prep");
    }
  }

  /** addBatch/executeBatch with a PreparedStatement and a Statement, plus a failing batch. */
  private void batchScenario() throws SQLException {
    try (Connection c = connect()) {
      exec(c, "DROP TABLE IF EXISTS jdbc_batch");
      exec(c, "CREATE TABLE jdbc_batch (id integer PRIMARY KEY, v text)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO jdbc_batch (id, v) VALUES (?, ?)")) {
        for (int i = 1; i <= 25; i++) {
          ps.setInt(1, i);
          ps.setString(2, "v" + i);
          ps.addBatch();
        }
        out("prepared batch counts=" + Arrays.toString(ps.executeBatch()));
        // A second batch on the same (by now server-prepared) statement.
        for (int i = 26; i <= 30; i++) {
          ps.setInt(1, i);
          ps.setString(2, "v" + i);
          ps.addBatch();
        }
        out("second batch counts=" + Arrays.toString(ps.executeBatch()));
      }
      try (Statement st = c.createStatement()) {
        st.addBatch("INSERT INTO jdbc_batch VALUES (100, 'x'), (101, 'y')");
        st.addBatch("UPDATE jdbc_batch SET v = v || '!' WHERE id <= 10");
        st.addBatch("DELETE FROM jdbc_batch WHERE id > 28 AND id < 100");
        st.addBatch("CREATE TABLE jdbc_batch_extra (x integer)");
        st.addBatch("DROP TABLE jdbc_batch_extra");
        out("statement batch counts=" + Arrays.toString(st.executeBatch()));
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO jdbc_batch (id, v) VALUES (?, ?)")) {
        for (int id : new int[] {200, 201, 5, 202}) {
          ps.setInt(1, id);
          ps.setString(2, "dup?");
          ps.addBatch();
        }
        try {
          ps.executeBatch();
          out("failing batch: no error");
        } catch (BatchUpdateException e) {
          out("failing batch: sqlstate=" + e.getSQLState() + " next="
              + (e.getNextException() == null ? "none" : e.getNextException().getSQLState())
              + " counts=" + Arrays.toString(e.getUpdateCounts()));
        }
      }
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*), min(id), max(id), max(length(v)) FROM jdbc_batch")) {
        dumpRows(rs, "after ");
      }
    }
    // reWriteBatchedInserts: pgjdbc folds the batch into multi-row INSERTs.
    Properties rewrite = new Properties();
    rewrite.setProperty("reWriteBatchedInserts", "true");
    try (Connection c = connect(rewrite)) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO jdbc_batch (id, v) VALUES (?, ?)")) {
        for (int i = 1000; i < 1040; i++) {
          ps.setInt(1, i);
          ps.setString(2, "r" + i);
          ps.addBatch();
        }
        out("rewritten batch counts=" + Arrays.toString(ps.executeBatch()));
      }
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM jdbc_batch WHERE id >= 1000")) {
        dumpRows(rs, "rewritten ");
      }
      exec(c, "DROP TABLE jdbc_batch");
    }
  }

  /** Counts the protocol messages pgjdbc logs at FINEST ("FE=> Execute(...)" and so on). */
  private static final class ProtocolCounter extends Handler {
    private final SimpleFormatter formatter = new SimpleFormatter();
    int executes;
    int executesWithLimit10;
    int portalSuspended;
    int commandComplete;
    int namedParses;
    int namedBinds;

    @Override
    public void publish(LogRecord record) {
      String m = formatter.formatMessage(record);
      if (m == null) {
        return;
      }
      if (m.contains("FE=> Parse(stmt=S_")) {
        namedParses++;
      } else if (m.contains("FE=> Bind(stmt=S_")) {
        namedBinds++;
      } else if (m.contains("FE=> Execute(")) {
        executes++;
        if (m.contains("limit=10)")) {
          executesWithLimit10++;
        }
      } else if (m.contains("<=BE PortalSuspended")) {
        portalSuspended++;
      } else if (m.contains("<=BE CommandStatus")) {
        commandComplete++;
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    void reset() {
      executes = executesWithLimit10 = portalSuspended = commandComplete = namedParses = namedBinds = 0;
    }

    String namedSummary() {
      return "named parses=" + namedParses + " named binds=" + namedBinds;
    }

    String summary() {
      return "executes=" + executes + " withLimit10=" + executesWithLimit10 + " portalSuspended="
          + portalSuspended + " commandComplete=" + commandComplete;
    }
  }

  /**
   * setFetchSize(10) with autocommit off: pgjdbc binds an unnamed-then-named portal and fetches
   * 10 rows per Execute, each answered by PortalSuspended until the last.
   */
  private void fetchSizeScenario() throws SQLException {
    ProtocolCounter counter = new ProtocolCounter();
    try (Connection c = connect()) {
      exec(c, "DROP TABLE IF EXISTS jdbc_fetch");
      exec(c, "CREATE TABLE jdbc_fetch AS SELECT g AS id, 'row ' || g AS label FROM generate_series(1, 1000) AS t(g)");
      c.setAutoCommit(false);
      AutoCloseable watch = watchProtocol(counter);
      try {
        try (Statement st = c.createStatement()) {
          st.setFetchSize(10);
          counter.reset();
          long sum = 0;
          int rows = 0;
          String first = null;
          String last = null;
          try (ResultSet rs = st.executeQuery("SELECT id, label FROM jdbc_fetch ORDER BY id")) {
            while (rs.next()) {
              rows++;
              sum += rs.getLong(1);
              if (first == null) {
                first = rs.getString(2);
              }
              last = rs.getString(2);
            }
          }
          out("statement rows=" + rows + " sum=" + sum + " first=" + first + " last=" + last);
          out("statement protocol " + counter.summary());
        }
        // Two portals open at once in the same transaction, read alternately.
        try (PreparedStatement a = c.prepareStatement("SELECT id FROM jdbc_fetch WHERE id <= ? ORDER BY id");
            PreparedStatement b = c.prepareStatement("SELECT id FROM jdbc_fetch WHERE id > ? ORDER BY id DESC")) {
          a.setFetchSize(10);
          b.setFetchSize(7);
          a.setInt(1, 55);
          b.setInt(1, 950);
          counter.reset();
          try (ResultSet ra = a.executeQuery(); ResultSet rb = b.executeQuery()) {
            StringBuilder seq = new StringBuilder();
            boolean moreA = true;
            boolean moreB = true;
            int n = 0;
            long sumA = 0;
            long sumB = 0;
            while (moreA || moreB) {
              if (moreA && (moreA = ra.next())) {
                sumA += ra.getInt(1);
                if (n++ % 9 == 0) {
                  seq.append('a').append(ra.getInt(1)).append(' ');
                }
              }
              if (moreB && (moreB = rb.next())) {
                sumB += rb.getInt(1);
                if (n++ % 9 == 0) {
                  seq.append('b').append(rb.getInt(1)).append(' ');
                }
              }
            }
            out("interleaved sumA=" + sumA + " sumB=" + sumB + " seq=" + seq.toString().trim());
          }
          out("interleaved protocol " + counter.summary());
        }
        // The same statement again after the portals are closed, then a commit.
        try (Statement st = c.createStatement()) {
          st.setFetchSize(10);
          st.setMaxRows(25);
          try (ResultSet rs = st.executeQuery("SELECT id FROM jdbc_fetch ORDER BY id DESC")) {
            int rows = 0;
            while (rs.next()) {
              rows++;
            }
            out("maxRows=25 rows=" + rows);
          }
        }
        c.commit();
      } finally {
        closeQuietly(watch);
      }
      c.setAutoCommit(true);
      exec(c, "DROP TABLE jdbc_fetch");
    }
  }

  private static String stateOf(Connection c, String sql) {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
      return "ok";
    } catch (SQLException e) {
      return e.getSQLState();
    }
  }

  private static String preparedStateOf(Connection c, String sql, int value) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, value);
      ps.execute();
      return "ok";
    } catch (SQLException e) {
      return e.getSQLState();
    }
  }

  /** SQLSTATEs of failing statements, and an aborted transaction (25P02) that rolls back. */
  private void errorsScenario() throws SQLException {
    try (Connection c = connect()) {
      exec(c, "DROP TABLE IF EXISTS jdbc_err");
      exec(c, "CREATE TABLE jdbc_err (id integer PRIMARY KEY)");
      exec(c, "INSERT INTO jdbc_err VALUES (1)");
      out("missing table=" + stateOf(c, "SELECT * FROM jdbc_no_such_table"));
      out("duplicate key=" + stateOf(c, "INSERT INTO jdbc_err VALUES (1)"));
      out("division by zero=" + stateOf(c, "SELECT 1 / 0"));
      out("syntax error=" + stateOf(c, "SELEC 1"));
      out("after errors=" + stateOf(c, "SELECT 1"));
      // The same through PreparedStatements, beyond the prepare threshold.
      for (int i = 0; i < 7; i++) {
        out("prepared " + i + ": division=" + preparedStateOf(c, "SELECT 10 / ?", i % 2)
            + " duplicate=" + preparedStateOf(c, "INSERT INTO jdbc_err VALUES (?)", i % 2 == 0 ? 1 : 1000 + i));
      }

      c.setAutoCommit(false);
      exec(c, "INSERT INTO jdbc_err VALUES (2)");
      out("in tx: error=" + stateOf(c, "SELECT * FROM jdbc_no_such_table"));
      out("in tx: next statement=" + stateOf(c, "SELECT 1"));
      out("in tx: prepared next statement=" + preparedStateOf(c, "SELECT ?", 1));
      try {
        c.commit();
        out("in tx: commit ok");
      } catch (SQLException e) {
        out("in tx: commit sqlstate=" + e.getSQLState());
      }
      c.rollback();
      out("after rollback=" + stateOf(c, "SELECT 1"));
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT id FROM jdbc_err ORDER BY id")) {
        dumpRows(rs, "kept ");
      }
      c.rollback();
      // An error in a transaction, then rollback() straight away.
      exec(c, "INSERT INTO jdbc_err VALUES (3)");
      out("in tx 2: error=" + stateOf(c, "INSERT INTO jdbc_err VALUES (1)"));
      c.rollback();
      c.setAutoCommit(true);
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT id FROM jdbc_err ORDER BY id")) {
        dumpRows(rs, "kept after 2nd ");
      }
      exec(c, "DROP TABLE jdbc_err");
    }
  }

  private static String count(Connection c, String table) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return Long.toString(rs.getLong(1));
    }
  }

  /** Autocommit off on one connection, what a second connection sees before and after commit/rollback. */
  private void transactionsScenario() throws SQLException {
    try (Connection a = connect(); Connection b = connect()) {
      exec(a, "DROP TABLE IF EXISTS jdbc_tx");
      exec(a, "CREATE TABLE jdbc_tx (id integer, v text)");
      a.setAutoCommit(false);
      out("a autocommit=" + a.getAutoCommit() + " b autocommit=" + b.getAutoCommit());
      try (PreparedStatement ps = a.prepareStatement("INSERT INTO jdbc_tx VALUES (?, ?)")) {
        for (int i = 1; i <= 3; i++) {
          ps.setInt(1, i);
          ps.setString(2, "first");
          ps.executeUpdate();
        }
      }
      out("before commit: a sees " + count(a, "jdbc_tx") + ", b sees " + count(b, "jdbc_tx"));
      a.commit();
      out("after commit: a sees " + count(a, "jdbc_tx") + ", b sees " + count(b, "jdbc_tx"));
      exec(a, "INSERT INTO jdbc_tx VALUES (4, 'second')");
      exec(a, "UPDATE jdbc_tx SET v = 'changed' WHERE id = 1");
      out("before rollback: a sees " + count(a, "jdbc_tx") + ", b sees " + count(b, "jdbc_tx"));
      a.rollback();
      out("after rollback: a sees " + count(a, "jdbc_tx") + ", b sees " + count(b, "jdbc_tx"));
      try (Statement st = b.createStatement();
          ResultSet rs = st.executeQuery("SELECT id, v FROM jdbc_tx ORDER BY id")) {
        dumpRows(rs, "b ");
      }
      // b in a transaction of its own, committing after a's commit.
      b.setAutoCommit(false);
      exec(b, "INSERT INTO jdbc_tx VALUES (10, 'from b')");
      exec(a, "INSERT INTO jdbc_tx VALUES (20, 'from a')");
      a.commit();
      b.commit();
      out("both committed: a sees " + count(a, "jdbc_tx") + ", b sees " + count(b, "jdbc_tx"));
      a.commit();
      b.commit();
      // Switching autocommit back on commits the open transaction.
      exec(a, "INSERT INTO jdbc_tx VALUES (30, 'implicit')");
      a.setAutoCommit(true);
      b.setAutoCommit(true);
      out("after setAutoCommit(true): b sees " + count(b, "jdbc_tx"));
      // Read-only transactions and isolation levels pgjdbc sets with SET SESSION CHARACTERISTICS /
      // BEGIN: only what both servers support at the default level.
      out("isolation=" + a.getTransactionIsolation());
      exec(a, "DROP TABLE jdbc_tx");
    }
  }

  /**
   * Generated keys (pgjdbc appends RETURNING), java.time values through setObject/getObject, and
   * a PreparedStatement reused with a parameter of another Java type (pgjdbc re-parses).
   */
  private void javaApiScenario() throws SQLException {
    try (Connection c = connect()) {
      exec(c, "DROP TABLE IF EXISTS jdbc_api");
      exec(c, "CREATE TABLE jdbc_api (id integer PRIMARY KEY, d date, ts timestamp, tz timestamptz, label text)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO jdbc_api (id, label) VALUES (?, ?)",
          new String[] {"id", "label"})) {
        for (int i = 1; i <= 6; i++) {
          ps.setInt(1, i);
          ps.setString(2, "k" + i);
          ps.executeUpdate();
          try (ResultSet keys = ps.getGeneratedKeys()) {
            dumpRows(keys, "keys " + i + " ");
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE jdbc_api SET label = label || '!' WHERE id <= ?",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setInt(1, 2);
        out("update returning all: count=" + ps.executeUpdate());
        try (ResultSet keys = ps.getGeneratedKeys()) {
          dumpColumns(keys.getMetaData());
          dumpRows(keys, "all keys ");
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE jdbc_api SET d = ?, ts = ?, tz = ? WHERE id = ?")) {
        for (int i = 1; i <= 6; i++) {
          ps.setObject(1, java.time.LocalDate.of(2024, 2, 20 + i));
          ps.setObject(2, java.time.LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000 * i));
          ps.setObject(3, java.time.OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, java.time.ZoneOffset.ofHours(i - 3)));
          ps.setInt(4, i);
          out("setObject update " + i + " -> " + ps.executeUpdate());
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT id, d, ts, tz FROM jdbc_api WHERE id = ?")) {
        for (int i = 1; i <= 6; i++) {
          ps.setInt(1, i);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out("getObject " + i + ": " + rs.getObject("d", java.time.LocalDate.class) + " "
                  + rs.getObject("ts", java.time.LocalDateTime.class) + " "
                  + rs.getObject("tz", java.time.OffsetDateTime.class));
            }
          }
        }
      }
      // The same PreparedStatement with an int, then a long, then a string for one parameter.
      try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM jdbc_api WHERE id >= ?")) {
        for (int i = 0; i < 6; i++) {
          if (i < 2) {
            ps.setInt(1, 3);
          } else if (i < 4) {
            ps.setLong(1, 4L);
          } else {
            ps.setObject(1, 5, Types.NUMERIC);
          }
          try (ResultSet rs = ps.executeQuery()) {
            dumpRows(rs, "retyped " + i + " ");
          }
        }
      }
      exec(c, "DROP TABLE jdbc_api");
    }
  }

  /**
   * Connection.setTransactionIsolation (pgjdbc sends SET SESSION CHARACTERISTICS AS TRANSACTION
   * ISOLATION LEVEL ...) and setReadOnly (BEGIN READ ONLY once autocommit is off).
   */
  private void isolationScenario() throws SQLException {
    try (Connection c = connect()) {
      exec(c, "DROP TABLE IF EXISTS jdbc_iso");
      exec(c, "CREATE TABLE jdbc_iso (id integer)");
      out("default isolation=" + c.getTransactionIsolation());
      c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      out("set serializable: ok");
      // PostgreSQL reports 8 (serializable), and so does Duckgres (which accepts the setting: DuckDB
      // transactions are snapshot-isolated).
      out("isolation after set=" + c.getTransactionIsolation());
      c.setAutoCommit(false);
      exec(c, "INSERT INTO jdbc_iso VALUES (1)");
      out("serializable tx count=" + count(c, "jdbc_iso"));
      c.commit();
      c.setAutoCommit(true);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      out("isolation reset=" + c.getTransactionIsolation());

      c.setReadOnly(true);
      c.setAutoCommit(false);
      out("read-only select=" + stateOf(c, "SELECT count(*) FROM jdbc_iso"));
      out("read-only insert=" + stateOf(c, "INSERT INTO jdbc_iso VALUES (2)"));
      c.rollback();
      c.setAutoCommit(true);
      c.setReadOnly(false);
      out("after read-only insert=" + stateOf(c, "INSERT INTO jdbc_iso VALUES (3)"));
      out("final count=" + count(c, "jdbc_iso"));
      exec(c, "DROP TABLE jdbc_iso");
    }
  }

  /** Prints the named columns of every row of a DatabaseMetaData result. */
  private static void dumpMeta(String label, ResultSet rs, String... columns) throws SQLException {
    try (ResultSet r = rs) {
      while (r.next()) {
        StringBuilder sb = new StringBuilder(label);
        for (String column : columns) {
          sb.append(" | ").append(column).append('=').append(r.getString(column));
        }
        out(sb.toString());
      }
    }
  }

  /** DatabaseMetaData as schema browsers and ORMs call it: tables, columns, keys, indexes, types. */
  private void metadataScenario() throws SQLException {
    try (Connection c = connect()) {
      exec(c, "CREATE TABLE jdbc_meta_parent (id integer PRIMARY KEY, name text NOT NULL, amount numeric(10,2), "
          + "born date, flag boolean)");
      exec(c, "CREATE TABLE jdbc_meta_child (id bigint, parent_id integer REFERENCES jdbc_meta_parent (id))");
      exec(c, "CREATE INDEX jdbc_meta_parent_name ON jdbc_meta_parent (name)");
      exec(c, "CREATE VIEW jdbc_meta_view AS SELECT id FROM jdbc_meta_parent");
      DatabaseMetaData md = c.getMetaData();
      dumpMeta("table", md.getTables(null, "public", "jdbc_meta%", null), "TABLE_SCHEM", "TABLE_NAME",
          "TABLE_TYPE");
      dumpMeta("table type", md.getTables(null, "public", "jdbc_meta%", new String[] {"VIEW"}), "TABLE_NAME",
          "TABLE_TYPE");
      dumpMeta("column", md.getColumns(null, "public", "jdbc_meta_parent", "%"), "COLUMN_NAME", "DATA_TYPE",
          "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS", "NULLABLE", "IS_NULLABLE", "ORDINAL_POSITION",
          "IS_AUTOINCREMENT");
      dumpMeta("pk", md.getPrimaryKeys(null, "public", "jdbc_meta_parent"), "TABLE_NAME", "COLUMN_NAME",
          "KEY_SEQ", "PK_NAME");
      dumpMeta("imported", md.getImportedKeys(null, "public", "jdbc_meta_child"), "PKTABLE_NAME",
          "PKCOLUMN_NAME", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "FK_NAME", "PK_NAME");
      dumpMeta("exported", md.getExportedKeys(null, "public", "jdbc_meta_parent"), "FKTABLE_NAME",
          "FKCOLUMN_NAME");
      dumpMeta("index", md.getIndexInfo(null, "public", "jdbc_meta_parent", false, false), "INDEX_NAME",
          "NON_UNIQUE", "COLUMN_NAME", "ORDINAL_POSITION");
      dumpMeta("schema", md.getSchemas(null, "public"), "TABLE_SCHEM");
      dumpMeta("procedure", md.getProcedures(null, "public", "jdbc_meta%"), "PROCEDURE_NAME");
      int types = 0;
      try (ResultSet r = md.getTypeInfo()) {
        while (r.next()) {
          String name = r.getString("TYPE_NAME");
          if (name.equals("int4") || name.equals("text") || name.equals("numeric") || name.equals("timestamptz")
              || name.equals("bool") || name.equals("_int4")) {
            out("type " + name + " data_type=" + r.getInt("DATA_TYPE"));
          }
          types++;
        }
      }
      // The count differs by the types Duckgres lacks (row types of relations, information_schema's
      // domains); test_introspection.py compares getTypeInfo's query (pgjdbc-11) row by row with narrow
      // entries for exactly those types.
      out("~type count=" + types);
      exec(c, "DROP VIEW jdbc_meta_view");
      exec(c, "DROP TABLE jdbc_meta_child");
      exec(c, "DROP TABLE jdbc_meta_parent");
    }
  }

  /**
   * Statement.cancel() from another thread and setQueryTimeout() on a statement that would run for a
   * minute: both end it with 57014, and the connection keeps working.
   */
  private void cancelScenario() throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      Thread canceller =
          new Thread(
              () -> {
                try {
                  Thread.sleep(700);
                  st.cancel();
                } catch (Exception e) {
                  out("cancel thread failed: " + e);
                }
              });
      canceller.start();
      try {
        st.executeQuery("SELECT pg_sleep(60)");
        out("cancel: not canceled");
      } catch (SQLException e) {
        out("cancel: sqlstate=" + e.getSQLState());
      }
      try {
        canceller.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try (ResultSet rs = st.executeQuery("SELECT 40 + 2")) {
        rs.next();
        out("after cancel: " + rs.getInt(1));
      }
      st.setQueryTimeout(1);
      try {
        st.executeQuery("SELECT pg_sleep(60)");
        out("query timeout: not canceled");
      } catch (SQLException e) {
        out("query timeout: sqlstate=" + e.getSQLState());
      }
      st.setQueryTimeout(0);
      try (PreparedStatement ps = c.prepareStatement("SELECT ? + 1")) {
        ps.setInt(1, 6);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          out("after timeout: " + rs.getInt(1));
        }
      }
    }
  }

  // --------------------------------------------------------------------------------------------

  private void run(String scenario) throws SQLException {
    switch (scenario) {
      case "connect":
        connectScenario();
        break;
      case "types":
        typesScenario();
        break;
      case "prepared":
        preparedScenario();
        break;
      case "batch":
        batchScenario();
        break;
      case "fetchsize":
        fetchSizeScenario();
        break;
      case "errors":
        errorsScenario();
        break;
      case "transactions":
        transactionsScenario();
        break;
      case "java_api":
        javaApiScenario();
        break;
      case "isolation":
        isolationScenario();
        break;
      case "metadata":
        metadataScenario();
        break;
      case "cancel":
        cancelScenario();
        break;
      default:
        throw new IllegalArgumentException("unknown scenario " + scenario);
    }
  }

  /** Tables the scenarios create; dropped at the end even when a scenario failed half-way. */
  private static final String[] TABLES = {
    "jdbc_types", "jdbc_prep", "jdbc_batch", "jdbc_batch_extra", "jdbc_fetch", "jdbc_err", "jdbc_tx",
    "jdbc_api", "jdbc_iso", "jdbc_meta_child", "jdbc_meta_parent"
  };

  private void dropTables() {
    try (Connection c = connect()) {
      exec(c, "DROP VIEW IF EXISTS jdbc_meta_view");
      for (String table : TABLES) {
        exec(c, "DROP TABLE IF EXISTS " + table);
      }
    } catch (SQLException e) {
      System.err.println("cleanup failed: " + e);
    }
  }

  public static void main(String[] args) {
    if (args.length < 5) {
      System.err.println("usage: DuckgresJdbcCheck HOST PORT USER PASSWORD SCENARIO...");
      System.exit(2);
    }
    DuckgresJdbcCheck check = new DuckgresJdbcCheck(args[0], Integer.parseInt(args[1]), args[2], args[3]);
    List<String> failed = new ArrayList<>();
    for (int i = 4; i < args.length; i++) {
      out("=== " + args[i]);
      try {
        check.run(args[i]);
      } catch (Throwable t) {
        failed.add(args[i]);
        String state = t instanceof SQLException ? ((SQLException) t).getSQLState() : "-";
        out("!!! " + t + " (sqlstate " + state + ")");
        for (StackTraceElement e : t.getStackTrace()) {
          out("!!!     at " + e);
        }
        System.out.flush();
      }
    }
    check.dropTables();
    System.out.flush();
    System.exit(failed.isEmpty() ? 0 : 1);
  }
}
