"""Browser tests: Playwright drives Debian's Chromium (/usr/bin/chromium) against the live
test server. No browser is downloaded. Without Chromium the tests are skipped with the reason,
unless KINERJA_E2E_WAJIB=1 (as in CI), where a missing browser fails the run."""

import os
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("KINERJA_CHROMIUM", "/usr/bin/chromium")
ARGUMEN = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FOLDER_GAMBAR = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"

# Playwright's sync API runs an event loop in the test's thread while the browser is open.
# Django then refuses ORM calls (async safety) and asgiref hands out other connection objects,
# so the browser lives only inside each test, started after the database fixtures and closed
# before their teardown; the flag lets the few ORM reads made meanwhile go through.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
def peramban():
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        pesan = f"Chromium tidak ada di {CHROMIUM} (pasang: apt-get install chromium)."
        if os.environ.get("KINERJA_E2E_WAJIB") == "1":
            pytest.fail(pesan)
        pytest.skip(pesan)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGUMEN)
        yield browser
        browser.close()


# What Chromium writes to the console when the Content-Security-Policy blocks a script or a style.
TANDA_CSP = "Content Security Policy"


@pytest.fixture
def halaman(peramban):
    """A page of a fresh browser context. The test fails at teardown if the browser reported any
    Content-Security-Policy violation meanwhile (an inline style or script of a page, or one
    added by a script), with the browser's messages."""
    konteks = peramban.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
    page = konteks.new_page()
    pelanggaran = []

    def catat(teks, sumber=""):
        if TANDA_CSP in teks:
            pelanggaran.append(f"{page.url}{sumber}: {teks}")

    def dari_konsol(pesan):
        tempat = pesan.location or {}
        sumber = f" ({tempat['url']}:{tempat.get('lineNumber')})" if tempat.get("url") else ""
        catat(pesan.text, sumber)

    page.on("console", dari_konsol)
    page.on("pageerror", lambda galat: catat(str(galat)))
    yield page
    konteks.close()
    if pelanggaran:
        pytest.fail("Peramban melaporkan pelanggaran Content-Security-Policy:\n" + "\n".join(pelanggaran))


@pytest.fixture
def demo(django_db_serialized_rollback, transactional_db, settings):
    """The seed demo and its accounts, committed so that the live server sees them. The rows of
    the data migrations (roles, scales, sources of funds) are restored after each test."""
    settings.DEBUG = True
    call_command("demo", "--akun", stdout=StringIO())
    settings.DEBUG = False


@pytest.fixture
def masuk(halaman, live_server):
    def _masuk(username):
        halaman.goto(f"{live_server.url}/masuk/")
        halaman.get_by_label("Nama pengguna").fill(username)
        halaman.get_by_label("Kata sandi").fill("kinerja-demo")
        halaman.get_by_role("button", name="Masuk").click()
        halaman.wait_for_load_state()
        return halaman

    return _masuk


# Chromium sometimes answers a screenshot with "Unable to capture screenshot" when the machine is
# busy (seen on CI with both suites running side by side); the next attempt succeeds.
PERCOBAAN_GAMBAR = 3


def simpan_gambar(halaman, nama, penuh=False):
    from playwright.sync_api import Error

    FOLDER_GAMBAR.mkdir(parents=True, exist_ok=True)
    for percobaan in range(1, PERCOBAAN_GAMBAR + 1):
        try:
            halaman.screenshot(path=str(FOLDER_GAMBAR / f"{nama}.png"), full_page=penuh)
            return
        except Error as galat:
            if "Unable to capture screenshot" not in str(galat) or percobaan == PERCOBAAN_GAMBAR:
                raise
            halaman.wait_for_timeout(1000 * percobaan)
