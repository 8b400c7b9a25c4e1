package dev.bulwark.artifact;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;

/**
 * Fuzz target: the archive reader with a password, which sends zips through the decrypting reader
 * (ZipCrypto and AES). Seeds: EncryptedZipFuzzTestInputs/encryptedZip/. Same properties as
 * {@link ArchiveFuzzTest}.
 */
class EncryptedZipFuzzTest {
  @FuzzTest
  void encryptedZip(byte[] data) {
    ArchiveFuzzTest.check(new ArtifactReader(ArchiveFuzzTest.LIMITS)
        .read("input.zip", data, Optional.of("infected".toCharArray())));
  }
}
