"""Start a private headless LibreOffice, open a workbook in it, and always clean up.

Shared by test/libreoffice/calc.py and scripts/render-sheets.py. Runs only under the Debian
python (/usr/bin/python3), the one with the `uno` module.

    with Office() as office:
        doc = office.load("/abs/book.xlsx")
        doc.calculateAll()

Each Office has its own fresh user profile (a temporary directory, removed at the end) and its
own pipe, so several can run at once. On leaving the `with` block the documents are closed, the
desktop is asked to terminate, and the process group is killed if it lingers.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid

import uno  # noqa: F401  (must be imported before the com.sun.star modules)
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

SOFFICE = os.environ.get("VFM_SOFFICE", "/usr/bin/soffice")
CONNECT_TIMEOUT = float(os.environ.get("VFM_SOFFICE_CONNECT_TIMEOUT", "60"))
EXIT_TIMEOUT = 20.0


class OfficeError(Exception):
    """A failure worth reporting to the caller as it is."""


def props(**values):
    """A tuple of PropertyValue, as UNO calls take them."""
    out = []
    for name, value in values.items():
        p = PropertyValue()
        p.Name = name
        p.Value = value
        out.append(p)
    return tuple(out)


def _become_subreaper():
    """Orphans of soffice (soffice.bin when oosplash is killed first) become our children, so that
    we reap them instead of leaving zombies for a container's init that may never reap."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except Exception:
        pass


def _reap_children():
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _raise_system_exit(signum, _frame):
    raise SystemExit(128 + signum)


def exit_cleanly_on_signals():
    """Turn SIGTERM/SIGHUP/SIGINT into SystemExit, so that `finally` blocks stop soffice."""
    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, _raise_system_exit)


class Office:
    """`deadline`: seconds after which a watchdog thread kills soffice (a hung UNO call then
    fails instead of blocking forever); None for no deadline."""

    def __init__(self, deadline=None, locale="en-GB"):
        self.deadline = deadline
        self.locale = locale
        self.timed_out = False
        self._done = threading.Event()
        self.profile = None
        self.proc = None
        self.log_path = None
        self.desktop = None
        self.docs = []

    # -- lifecycle ---------------------------------------------------------------------------

    def __enter__(self):
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *_exc):
        self.close()
        return False

    def _start(self):
        if not os.path.exists(SOFFICE):
            raise OfficeError(f"LibreOffice not found at {SOFFICE} (install libreoffice-calc-nogui)")
        self.profile = tempfile.mkdtemp(prefix="vfm-lo-profile-")
        self.log_path = os.path.join(self.profile, "soffice.log")
        self._write_settings()
        pipe = f"vfm_lo_{os.getpid()}_{uuid.uuid4().hex[:12]}"
        args = [
            SOFFICE,
            "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
            "--nolockcheck",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(self.profile),
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ]
        env = dict(os.environ)
        env.setdefault("SAL_USE_VCLPLUGIN", "svp")
        env["SAL_ENABLE_FILE_LOCKING"] = "0"
        # Predictable messages and display whatever the box's locale; the document locale is set
        # in the profile (_write_settings).
        env["LC_ALL"] = "C.UTF-8"
        env["LANG"] = "C.UTF-8"
        _become_subreaper()
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(
                args, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True, env=env, close_fds=True,
            )
        if self.deadline is not None:
            threading.Thread(target=self._watchdog, name="soffice-watchdog", daemon=True).start()
        self.desktop = self._connect(pipe)

    def _write_settings(self):
        """Seed the fresh profile: the locale that formats dates and numbers (en-GB: 01/04/2013)."""
        user = os.path.join(self.profile, "user")
        os.makedirs(user, exist_ok=True)
        with open(os.path.join(user, "registrymodifications.xcu"), "w", encoding="utf-8") as f:
            f.write(
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" '
                f'oor:op="fuse"><value>{self.locale}</value></prop></item>\n'
                '</oor:items>\n')

    def _watchdog(self):
        if self._done.wait(self.deadline):
            return
        self.timed_out = True
        print(f"LibreOffice took longer than {self.deadline:g} s; killing it", file=sys.stderr)
        proc = self.proc
        if proc is not None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        # The main thread's UNO call now fails and it cleans up; if it does not, leave anyway.
        if not self._done.wait(30):
            if self.profile:
                shutil.rmtree(self.profile, ignore_errors=True)
            os._exit(3)

    def _connect(self, pipe):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        url = f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext"
        deadline = time.monotonic() + CONNECT_TIMEOUT
        last = None
        while time.monotonic() < deadline:
            code = self.proc.poll()
            # oosplash exits 0 only after soffice.bin has gone; 81 is "restart me" which oosplash
            # handles itself, so any exit here means soffice did not stay up.
            if code is not None:
                raise OfficeError(f"soffice exited with code {code} before accepting a connection: {self.log_tail()}")
            try:
                ctx = resolver.resolve(url)
                smgr = ctx.ServiceManager
                return smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            except NoConnectException as e:
                last = e
                time.sleep(0.2)
        raise OfficeError(f"could not connect to soffice within {CONNECT_TIMEOUT:.0f} s "
                          f"({getattr(last, 'Message', last)}): {self.log_tail()}")

    def log_tail(self, limit=2000):
        try:
            with open(self.log_path, "rb") as f:
                text = f.read().decode("utf-8", "replace").strip()
        except (OSError, TypeError):
            return "(no soffice log)"
        return text[-limit:] if text else "(soffice printed nothing)"

    def load(self, path):
        """Open a private copy of a file, hidden. The original is never touched or locked, so
        several Offices may open the same file at once."""
        path = os.path.abspath(path)
        if not os.path.isfile(path):
            raise OfficeError(f"no such file: {path}")
        folder = tempfile.mkdtemp(prefix="doc-", dir=self.profile)
        copy = os.path.join(folder, os.path.basename(path))
        shutil.copyfile(path, copy)
        url = uno.systemPathToFileUrl(copy)
        doc = self.desktop.loadComponentFromURL(
            url, "_blank", 0, props(Hidden=True, ReadOnly=False, MacroExecutionMode=0))
        if doc is None:
            raise OfficeError(f"LibreOffice could not open {path}")
        if not hasattr(doc, "getSheets"):
            try:
                doc.close(True)
            except Exception:
                pass
            raise OfficeError(f"{path} did not open as a spreadsheet")
        self.docs.append(doc)
        return doc

    def close(self):
        """Close documents, terminate the desktop, kill what lingers, remove the profile."""
        if self.timed_out:
            self.docs = []
            self.desktop = None
        for doc in self.docs:
            try:
                doc.close(True)
            except Exception:
                try:
                    doc.dispose()
                except Exception:
                    pass
        self.docs = []
        asked_to_exit = False
        if self.desktop is not None:
            try:
                self.desktop.terminate()
            except Exception:
                pass  # the bridge usually drops while terminate() is returning
            asked_to_exit = True
            self.desktop = None
        if self.proc is not None:
            if asked_to_exit:
                try:
                    self.proc.wait(timeout=EXIT_TIMEOUT)
                except subprocess.TimeoutExpired:
                    pass
            self._kill_group(signal.SIGTERM)
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
            self._kill_group(signal.SIGKILL)
            try:
                self.proc.wait(timeout=EXIT_TIMEOUT)
            except subprocess.TimeoutExpired:
                print(f"warning: soffice pid {self.proc.pid} did not exit", file=sys.stderr)
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and _group_alive(self.proc.pid):
                _reap_children()
                time.sleep(0.05)
            _reap_children()
            self.proc = None
        if self.profile is not None:
            shutil.rmtree(self.profile, ignore_errors=True)
            self.profile = None
        self._done.set()

    def _kill_group(self, sig):
        # soffice runs oosplash which runs soffice.bin; both are in the group we started.
        try:
            os.killpg(self.proc.pid, sig)
        except (ProcessLookupError, PermissionError):
            pass


def _group_alive(pgid):
    try:
        os.killpg(pgid, 0)
        return True
    except (ProcessLookupError, PermissionError):
        return False
