package dev.bulwark.analysis.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.parse.Budget;
import dev.bulwark.analysis.parse.SyntaxTree;
import dev.bulwark.analysis.rules.Language;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table-driven: one line of setup.py code, and what the install-time judgement makes of it. */
class PyBehaviourTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "import requests; requests.post('http://127.0.0.1/x', data=b'')                 | NETWORK",
      "import httpx; httpx.get('http://127.0.0.1/x')                                   | NETWORK",
      "from urllib.request import urlretrieve as u; u('http://127.0.0.1/a', 'a')       | NETWORK",
      "import socket; socket.getaddrinfo('x.example.invalid', 53)                      | NETWORK",
      "import socket; socket.gethostbyname('localhost')                                | NONE",
      "import os; os.system('calc')                                                    | PROCESS",
      "import os; os.system('make -C src')                                             | NONE",
      "import subprocess; subprocess.call(['/usr/bin/git', 'describe'])                | NONE",
      "import subprocess; subprocess.call(['git', 'clone', 'https://127.0.0.1/r.git']) | PROCESS",
      "__import__('os').system('bash -i >& /dev/tcp/127.0.0.1/4444 0>&1')              | PROCESS",
      "import subprocess as s, sys; s.run([sys.executable, '-m', 'pip', 'install', 'x']) | NONE",
      "import os; cmd = input(); os.system(cmd)                                        | NONE",
      "exec(open('demo/version.py').read())                                            | NONE",
      "import zlib; exec(zlib.decompress(b'x'))                                         | OPAQUE_EXEC",
      "exec('\\x70\\x72\\x69\\x6e\\x74\\x28\\x31\\x29')                                 | OPAQUE_EXEC",
      "open('/etc/cron.d/x', 'w').write('* * * * * root true')                         | USER_FILE_WRITE",
      "open('build/x', 'w').write('ok')                                                | NONE",
  })
  void judgesOneInstallTimeStatement(String code, String expected) {
    try (SyntaxTree t = SyntaxTree.parse(Language.PYTHON, code.trim() + "\n", Budget.of(1_000_000, 60_000)).orElseThrow()) {
      List<PyBehaviour.Found> found = PyBehaviour.judge(PySurface.of(t, true));
      assertThat(found.stream().map(f -> f.kind().name()).findFirst().orElse("NONE")).as(code).isEqualTo(expected);
    }
  }
}
