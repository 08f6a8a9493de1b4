"""Starting `byline serve` on a free loopback port for the tests (test_serve.py, bench/serve_bench.py)."""
import atexit
import http.client
import os
import re
import subprocess
import threading


class Server:
    """`byline serve --listen 127.0.0.1:0 ARGS`: the port is read from its first line on stderr; the
    rest of stderr is kept in .log (one line per request)."""

    def __init__(self, byline, *args, env=None):
        self.proc = subprocess.Popen([byline, 'serve', '--listen', '127.0.0.1:0', *args], stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        first = self.proc.stderr.readline().decode('utf-8', 'replace')
        m = re.search(r'http://127\.0\.0\.1:(\d+)/', first)
        if not m:
            self.proc.kill()
            raise RuntimeError(f'byline serve did not start: {first!r}')
        self.port = int(m.group(1))
        self.log = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        atexit.register(self._kill)  # a test that dies halfway leaves no server behind

    def _kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def _read(self):
        for line in self.proc.stderr:
            self.log.append(line.decode('utf-8', 'replace').rstrip('\n'))

    def request(self, method, path, body=None, headers=None, timeout=30):
        """(status, headers dict with lower-case names, body bytes) on a new connection."""
        c = http.client.HTTPConnection('127.0.0.1', self.port, timeout=timeout)
        try:
            c.request(method, path, body, headers or {})
            r = c.getresponse()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
        finally:
            c.close()

    def healthy(self):
        try:
            return self.request('GET', '/healthz', timeout=5)[:3:2] == (200, b'ok\n')
        except OSError:
            return False

    def stop(self, timeout=60):
        """SIGTERM; the exit status (None when it had to be killed)."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                return None
        self._reader.join(5)
        return self.proc.returncode


def pid_rss_kb(pid):
    with open(f'/proc/{pid}/status') as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    return 0


SHARED = os.environ.get('BYLINE_SHARED', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared'))
