package dev.bulwark.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssetContentTest {
  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      logo.svg        | true  | <svg xmlns="http://www.w3.org/2000/svg"></svg>
      logo.svg        | true  | \uFEFF<?xml version="1.0"?><svg/>
      logo.svg        | true  | <!-- Generator: x -->\\n<svg/>
      logo.svg        | false | <!-- <svg>\\nrequire("child_process").exec("sh")\\n--> </svg>
      logo.svg        | false | require("child_process")
      logo.svg        | false | ""
      styles.css      | true  | /* note */\\n\\n.test {\\n  margin: 2em;\\n}
      styles.css      | true  | :root { color: red }
      styles.css      | true  | @tailwind base;
      styles.css      | true  | html, body {\\n  margin: 0;\\n}
      styles.css      | true  | * { box-sizing: border-box }
      styles.css      | true  | #app { margin: 0 }
      styles.css      | true  | div > p, input[type="text"] {\\n  margin: 0;\\n}
      styles.css      | false | a * {valueOf() { return require(name) }}
      styles.css      | false | x in {toString() { return require(name) }}
      styles.css      | false | a, b={ x: require("child_process") }
      styles.css      | false | #!/usr/bin/env node\\nrequire("x")
      styles.css      | false | class A {\\n}
      styles.css      | false | try {\\n require("x") } catch (e) {}
      styles.css      | false | app = require("child_process").execSync("id")
      styles.css      | false | @dec class A {}
      styles.css      | false | // a comment\\neval(atob("eA=="))
      notes.txt       | false | <p>text</p>
      """)
  void text(String name, boolean genuine, String content) {
    byte[] bytes = content.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
    assertThat(AssetContent.isGenuine(name, bytes)).isEqualTo(genuine);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      hero.png          | 89 50 4E 47 0D 0A 1A 0A 00 00 00 0D | true
      photo.jpg         | FF D8 FF E0 00 10 4A 46 49 46       | true
      font.woff2        | 77 4F 46 32 00 01 00 00 00 00 1F 40 | true
      font.ttf          | 00 01 00 00 00 0F 00 80             | true
      font.woff2        | 77 4F 46 32 3D 31 3B 72 65 71 75 69 | false
      icon.gif          | 47 49 46 38 3D 22 00 22             | false
      """)
  void binary(String name, String hex, boolean genuine) {
    String[] parts = hex.trim().split(" ");
    byte[] bytes = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    assertThat(AssetContent.isGenuine(name, bytes)).isEqualTo(genuine);
  }
}
