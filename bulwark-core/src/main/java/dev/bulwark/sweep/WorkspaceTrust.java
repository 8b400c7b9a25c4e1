package dev.bulwark.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The folders an editor was told to trust, from its {@code globalStorage/state.vscdb}. A trusted
 * folder runs its {@code folderOpen} tasks without asking. The database is opened read-only and
 * immutable (SQLite then never writes, locks or creates side files), after {@link SweepFs} has
 * admitted its path.
 */
final class WorkspaceTrust {
  static final String KEY = "content.trust.model.key";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_VALUE = 1024 * 1024;

  private WorkspaceTrust() {}

  /** Folder path to trusted flag, for every folder the database names. Empty when unreadable. */
  static TreeMap<Path, Boolean> read(SweepFs fs, Path stateDb) {
    TreeMap<Path, Boolean> out = new TreeMap<>();
    if (!fs.isFile(stateDb)) {
      return out;
    }
    String url = "jdbc:sqlite:" + stateDb.toUri() + "?mode=ro&immutable=1";
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement st = c.prepareStatement("SELECT value FROM ItemTable WHERE key = ?")) {
      st.setString(1, KEY);
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next()) {
          String v = rs.getString(1);
          if (v != null && v.length() <= MAX_VALUE) {
            parse(v, out);
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      // not an editor state database, or locked in a way immutable mode cannot read: skip it
    }
    return out;
  }

  static void parse(String json, TreeMap<Path, Boolean> out) {
    try {
      for (JsonNode info : JSON.readTree(json).path("uriTrustInfo")) {
        JsonNode uri = info.path("uri");
        String scheme = uri.path("scheme").asText("");
        String path = uri.path("path").asText(uri.path("fsPath").asText(""));
        if (scheme.equals("file") && path.startsWith("/")) {
          folder(path).ifPresent(p -> out.put(p, info.path("trusted").asBoolean(false)));
        }
      }
    } catch (java.io.IOException e) {
      // a malformed value: no trust information
    }
  }

  private static Optional<Path> folder(String path) {
    try {
      return Optional.of(Path.of(URI.create("file://" + path.replace(" ", "%20"))));
    } catch (IllegalArgumentException e) {
      return Optional.of(Path.of(path));
    }
  }
}
