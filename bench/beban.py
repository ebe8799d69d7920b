"""Bounded load test of Kinerja behind gunicorn with the production settings: `make beban`.

Fifty operators fill and save their own quarter at the same time while ten reviewers read the
dashboards and the verification list and admins import Renstra matrices (uploaded, checked and
written by the worker, `manage.py pekerja`, which runs beside gunicorn as in production); then
every saved row is checked in the database (one row per indicator and quarter, the value last
sent, its version and history, the submission) and every import (written once, completely).

Runs on its own PostgreSQL database `kinerja_beban` (created afresh, dropped at the end unless
`--simpan`), never on the test suites' `test`/`test_test`. Standard library only on the client
side: each user keeps its own Cookie header, because the production cookies are Secure and a
cookie jar would not send them over plain HTTP (TLS is announced with X-Forwarded-Proto, as nginx
does). Users log in through the log-in form (django-axes and CSRF included). Static files are
collected for the pages to render but not requested.

Exit status 0 only when no request failed, gunicorn logged no error and the database holds
exactly what was sent.
"""

import argparse
import gzip
import html
import http.client
import os
import random
import re
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from http.cookies import CookieError, SimpleCookie
from io import StringIO
from pathlib import Path
from urllib.parse import urlencode, urlsplit

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

SERVER_POSTGRES = "postgres://postgres@127.0.0.1:5432"
BASIS_DATA = "kinerja_beban"
TERLARANG = {"test", "test_test"}  # the test suites' databases
TAHUN, TRIWULAN = 2026, 4  # the generated region is filled up to 2026 TW III: TW IV is open


def argumen():
    cpu = os.cpu_count() or 1
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--operator", type=int, default=50, help="operator (satu unit pelaporan masing-masing)")
    p.add_argument("--verifikator", type=int, default=10)
    p.add_argument("--putaran", type=int, default=3, help="simpan per operator")
    p.add_argument("--permintaan", type=int, default=24, help="permintaan per verifikator sesudah masuk")
    p.add_argument("--impor", type=int, default=3, help="admin yang masing-masing mengimpor satu matriks Renstra")
    p.add_argument("--workers", type=int, default=cpu * 2, help="proses gunicorn (bawaan 2 × CPU)")
    p.add_argument("--threads", type=int, default=4, help="thread per proses gunicorn")
    p.add_argument("--batas-detik", type=float, default=300, help="batas waktu keras fase beban")
    p.add_argument("--simpan", action="store_true", help="jangan hapus basis data dan folder sementara")
    p.add_argument(
        "--nyata",
        default="20,40,60,80,100,120",
        help="profil nyata sesudah uji jenuh: jumlah pengguna tiap langkah, dipisah koma (0: dilewati); "
        "tiap pengguna berpikir 5–15 s di antara dua permintaan",
    )
    p.add_argument("--nyata-detik", type=float, default=60, help="lama satu langkah profil nyata (s)")
    return p.parse_args()


class Fase:
    """Prints how long each phase took."""

    def __init__(self, nama):
        self.nama = nama

    def __enter__(self):
        print(f"• {self.nama} …", flush=True)
        self.mulai = time.perf_counter()
        return self

    def __exit__(self, *exc):
        print(f"  {self.nama}: {time.perf_counter() - self.mulai:.1f} s", flush=True)


# --- the database ---------------------------------------------------------------------------


def _sql_admin(*perintah):
    import psycopg2

    try:
        koneksi = psycopg2.connect(f"{SERVER_POSTGRES}/postgres")
    except psycopg2.OperationalError as e:
        raise SystemExit(f"PostgreSQL tidak dapat dihubungi di {SERVER_POSTGRES}: {e}") from e
    koneksi.autocommit = True
    try:
        with koneksi.cursor() as kursor:
            for sql in perintah:
                kursor.execute(sql)
    finally:
        koneksi.close()


def basis_data_baru():
    assert BASIS_DATA not in TERLARANG
    _sql_admin(f'DROP DATABASE IF EXISTS "{BASIS_DATA}" WITH (FORCE)', f'CREATE DATABASE "{BASIS_DATA}"')


def hapus_basis_data():
    if "django" in sys.modules:
        from django.db import connections

        connections.close_all()
    _sql_admin(f'DROP DATABASE IF EXISTS "{BASIS_DATA}" WITH (FORCE)')


def django_setup():
    os.environ["DJANGO_SETTINGS_MODULE"] = "kinerja.settings"
    os.environ["DATABASE_URL"] = f"{SERVER_POSTGRES}/{BASIS_DATA}"
    import django

    django.setup()


@dataclass
class Akun:
    username: str
    password: str
    opd_kode: str = ""
    bidang_id: int | None = None
    unit: str = ""

    @property
    def url_isian(self):
        return f"/realisasi/{TAHUN}/tw-{TRIWULAN}/"


def muat_data(jumlah_operator, jumlah_verifikator, jumlah_impor):
    """Migrate, load the demo and the region of forty, and make the accounts. Return them."""
    from django.core.management import call_command

    with Fase("migrate"):
        call_command("migrate", verbosity=0)
    with Fase("demo (Belitung, Batu Bara)"):
        call_command("demo", stdout=StringIO())
    from kinerja.sintetis_wilayah import buat_wilayah_sintetis

    with Fase("wilayah sintetis 40 perangkat daerah (seed 1)"):
        buat_wilayah_sintetis(40, seed=1)
    with Fase(f"{jumlah_operator} operator, {jumlah_verifikator} verifikator, {jumlah_impor} admin impor"):
        akun = buat_akun(jumlah_operator, jumlah_verifikator, jumlah_impor)
    with Fase("ANALYZE (statistik perencana kueri, seperti autovacuum sesudah muatan besar)"):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return akun


def _unit_tersedia():
    """Every agency of the region whole, and what each would give when reporting per bidang."""
    from kinerja.selectors import indikator_pelaporan
    from renstra.models import PerangkatDaerah

    daftar = []
    for opd in PerangkatDaerah.objects.filter(kode__startswith="CTH-").order_by("kode"):
        opd.pelaporan_per_bidang = True  # in memory only: which bidang would have rows
        bidang = [b for b in opd.bidang.all() if indikator_pelaporan(opd, TAHUN, b)]
        opd.pelaporan_per_bidang = False
        daftar.append((opd, bidang))
    return daftar


def buat_akun(jumlah_operator, jumlah_verifikator, jumlah_impor):
    """One operator per submission unit, each unit distinct: agencies as a whole, and, when
    there are fewer agencies than operators, some agencies switched to reporting per bidang
    (their agency-level unit keeps the tujuan/sasaran rows; each bidang its programs)."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group

    from kinerja.models import Peran, User

    tersedia = _unit_tersedia()
    per_bidang = []
    jumlah_unit = len(tersedia)
    for opd, bidang in sorted(tersedia, key=lambda t: (-len(t[1]), t[0].kode)):
        if jumlah_unit >= jumlah_operator or len(bidang) < 2:
            break
        opd.pelaporan_per_bidang = True
        opd.save(update_fields=["pelaporan_per_bidang"])
        per_bidang.append((opd, bidang))
        jumlah_unit += len(bidang)
    if jumlah_unit < jumlah_operator:
        raise SystemExit(f"Hanya ada {jumlah_unit} unit pelaporan untuk {jumlah_operator} operator.")
    unit = [(opd, b) for opd, bidang in per_bidang for b in [None, *bidang]]
    unit += [(opd, None) for opd, _ in tersedia if not opd.pelaporan_per_bidang]
    unit = unit[:jumlah_operator]

    sandi = secrets.token_urlsafe(18)
    hash_sandi = make_password(sandi)  # one hash for all: setting 60 passwords one by one costs ~30 s
    operator_grup = Group.objects.get(name=Peran.OPERATOR)
    verifikator_grup = Group.objects.get(name=Peran.VERIFIKATOR)
    operator = []
    for n, (opd, bidang) in enumerate(unit, start=1):
        u = User.objects.create(username=f"beban_op{n:02d}", password=hash_sandi, opd=opd, bidang=bidang)
        u.groups.add(operator_grup)
        nama_unit = opd.kode + (f" / {bidang.nama}" if bidang else "")
        operator.append(Akun(u.username, sandi, opd.kode, bidang.pk if bidang else None, nama_unit))
    verifikator = []
    for n in range(1, jumlah_verifikator + 1):
        u = User.objects.create(username=f"beban_ver{n:02d}", password=hash_sandi)
        u.groups.add(verifikator_grup)
        verifikator.append(Akun(u.username, sandi))
    from renstra.models import PerangkatDaerah

    pengimpor = []
    admin_grup = Group.objects.get(name=Peran.ADMIN)
    for n in range(1, jumlah_impor + 1):
        u = User.objects.create(username=f"beban_adm{n:02d}", password=hash_sandi, is_staff=True)
        u.groups.add(admin_grup)
        opd = PerangkatDaerah.objects.create(kode=f"BEBAN-IMPOR-{n:02d}", nama=f"Dinas Sosial Kabupaten Impor {n}")
        pengimpor.append(Akun(u.username, sandi, opd.kode, unit=str(opd.pk)))
    print(
        f"  {len(unit)} unit: {len(per_bidang)} perangkat daerah melapor per bidang "
        f"({', '.join(o.kode for o, _ in per_bidang) or '-'}), sisanya sebagai satu kesatuan"
    )
    return operator, verifikator, pengimpor


# --- gunicorn -------------------------------------------------------------------------------

KAIT_GUNICORN = '''\
"""Written by bench/beban.py: every 500 with its traceback as plain lines in gunicorn's log,
whatever LOGGING says (Django's default prints nothing without DEBUG; JSON keeps it on one line)."""
import logging
import sys


def post_worker_init(worker):
    penangan = logging.StreamHandler(sys.stderr)
    penangan.setLevel(logging.ERROR)
    penangan.setFormatter(logging.Formatter("[%(asctime)s] [%(process)d] [DJANGO-ERROR] %(name)s: %(message)s"))
    logging.getLogger("django.request").addHandler(penangan)
'''


@dataclass
class Server:
    proses: subprocess.Popen
    port: int
    log: Path
    cpu: float  # CPU seconds of waited-for children before gunicorn started


def port_bebas():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def lingkungan_produksi(folder):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="kinerja.settings_produksi",
        SECRET_KEY=secrets.token_urlsafe(64),
        DATABASE_URL=f"{SERVER_POSTGRES}/{BASIS_DATA}",
        ALLOWED_HOSTS="127.0.0.1",
        KINERJA_ALIHKAN_HTTPS="False",
        DEBUG="False",
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
    )
    return env


def collectstatic(env):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], cwd=AKAR, env=env, check=True
    )


def jalankan_gunicorn(env, folder, workers, threads):
    port = port_bebas()
    kait = folder / "gunicorn_beban.py"
    kait.write_text(KAIT_GUNICORN)
    log = folder / "gunicorn.log"
    perintah = [
        sys.executable, "-m", "gunicorn", "kinerja.wsgi:application",
        "--config", str(kait),
        "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers), "--threads", str(threads), "--worker-class", "gthread",
        "--timeout", "120", "--graceful-timeout", "30",
        "--error-logfile", "-", "--log-level", "info",
        "--no-control-socket",  # not the shared ~/.gunicorn/gunicorn.ctl of another server
    ]  # fmt: skip
    print(f"  gunicorn: 127.0.0.1:{port}, --workers {workers} --threads {threads} --worker-class gthread --timeout 120")
    cpu = cpu_detik(resource.RUSAGE_CHILDREN)
    with open(log, "wb") as keluaran:
        proses = subprocess.Popen(perintah, cwd=AKAR, env=env, stdout=keluaran, stderr=subprocess.STDOUT)
    server = Server(proses, port, log, cpu)
    batas = time.monotonic() + 60
    while time.monotonic() < batas:
        if proses.poll() is not None:
            raise SystemExit(f"gunicorn berhenti (kode {proses.returncode}):\n{log.read_text()[-3000:]}")
        try:
            koneksi = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            koneksi.request("GET", "/masuk/", headers={"X-Forwarded-Proto": "https"})
            if koneksi.getresponse().status == 200:
                return server
        except OSError:
            pass
        finally:
            koneksi.close()
        time.sleep(0.2)
    hentikan_gunicorn(server)
    raise SystemExit(f"gunicorn tidak siap dalam 60 s:\n{log.read_text()[-3000:]}")


def jalankan_pekerja(env, folder):
    """The worker, as deploy/kinerja-pekerja.service runs it, its output in pekerja.log."""
    log = folder / "pekerja.log"
    with open(log, "wb") as keluaran:
        proses = subprocess.Popen(
            [sys.executable, "manage.py", "pekerja", "--tanpa-muat-ulang"],
            cwd=AKAR,
            env=env,
            stdout=keluaran,
            stderr=subprocess.STDOUT,
        )
    return Server(proses, 0, log, 0.0)


def hentikan_gunicorn(server):
    if server.proses.poll() is None:
        server.proses.send_signal(signal.SIGTERM)
        try:
            server.proses.wait(timeout=40)
        except subprocess.TimeoutExpired:
            server.proses.kill()
            server.proses.wait()


def galat_di_log(log):
    """The lines of gunicorn's log that say something went wrong (one per event), and all lines."""
    baris = log.read_text(errors="replace").splitlines()
    tanda = ("[ERROR]", "[CRITICAL]", "[DJANGO-ERROR]", "WORKER TIMEOUT", '"level": "ERROR"', '"level": "CRITICAL"')
    # A 500 is logged twice (JSON and the hook's plain lines): count the hook's line only.
    return [
        i for i, b in enumerate(baris) if any(t in b for t in tanda) and '"logger": "django.request"' not in b
    ], baris


# --- the client -----------------------------------------------------------------------------


class WaktuHabis(Exception):
    pass


class Gagal(Exception):
    """A request failed; it is already counted."""


@dataclass
class Galat:
    jenis: str
    metode: str
    url: str
    pesan: str
    isi: str = ""


@dataclass
class Catatan:
    """What every thread measured; shared, behind a lock."""

    kunci: threading.Lock = field(default_factory=threading.Lock)
    waktu: dict = field(default_factory=lambda: defaultdict(list))
    galat_per_jenis: dict = field(default_factory=lambda: defaultdict(int))
    galat: list = field(default_factory=list)

    def catat(self, jenis, ms):
        with self.kunci:
            self.waktu[jenis].append(ms)

    def gagal(self, galat):
        with self.kunci:
            self.galat_per_jenis[galat.jenis] += 1
            self.galat.append(galat)


@dataclass
class Respons:
    status: int
    lokasi: str
    teks: str


class Klien:
    """One user's browser: its own cookies, sent as a Cookie header whatever their Secure flag."""

    def __init__(self, port, catatan, tenggat):
        self.port, self.catatan, self.tenggat = port, catatan, tenggat
        self.kue = {}

    def minta(self, jenis, metode, url, data=None, referer=None, berkas=None):
        sisa = self.tenggat - time.monotonic()
        if sisa <= 0:
            raise WaktuHabis
        header = {
            "Host": f"127.0.0.1:{self.port}",
            "X-Forwarded-Proto": "https",
            "Accept-Encoding": "gzip",
            "User-Agent": "kinerja-beban",
        }
        if self.kue:
            header["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.kue.items())
        badan = None
        if berkas is not None:
            badan, header["Content-Type"] = _multipart(data, berkas)
            header["Origin"] = f"https://127.0.0.1:{self.port}"
            header["Referer"] = f"https://127.0.0.1:{self.port}{referer or url}"
        elif data is not None:
            badan = urlencode(data).encode()
            header["Content-Type"] = "application/x-www-form-urlencoded"
            header["Origin"] = f"https://127.0.0.1:{self.port}"
            header["Referer"] = f"https://127.0.0.1:{self.port}{referer or url}"
        mulai = time.perf_counter()
        koneksi = http.client.HTTPConnection("127.0.0.1", self.port, timeout=max(1.0, sisa))
        try:
            koneksi.request(metode, url, body=badan, headers=header)
            r = koneksi.getresponse()
            isi = r.read()
            status, lokasi, encoding = r.status, r.getheader("Location") or "", r.getheader("Content-Encoding")
            set_cookie = r.msg.get_all("Set-Cookie") or []
        except (OSError, http.client.HTTPException) as e:
            ms = (time.perf_counter() - mulai) * 1000
            self.catatan.catat(jenis, ms)
            habis = isinstance(e, TimeoutError | socket.timeout) and time.monotonic() >= self.tenggat
            self.catatan.gagal(Galat(jenis, metode, url, "batas waktu habis" if habis else f"koneksi: {e!r}"))
            raise Gagal from e
        finally:
            koneksi.close()
        self.catatan.catat(jenis, (time.perf_counter() - mulai) * 1000)
        self._simpan_kue(set_cookie)
        teks = (gzip.decompress(isi) if encoding == "gzip" else isi).decode("utf-8", "replace")
        if not 200 <= status < 400:
            self.gagal(jenis, metode, url, f"HTTP {status}", teks)
        return Respons(status, lokasi, teks)

    def gagal(self, jenis, metode, url, pesan, teks=""):
        self.catatan.gagal(Galat(jenis, metode, url, pesan, _ringkas(teks)))
        raise Gagal(pesan)

    def _simpan_kue(self, daftar):
        for baris in daftar:
            kue = SimpleCookie()
            try:
                kue.load(baris)
            except CookieError:
                continue
            for nama, m in kue.items():
                if m["max-age"] == "0" or "1970" in m["expires"]:
                    self.kue.pop(nama, None)
                else:
                    self.kue[nama] = m.coded_value

    def masuk(self, akun):
        r = self.minta("masuk (GET)", "GET", "/masuk/")
        data = {"csrfmiddlewaretoken": _token(r.teks), "username": akun.username, "password": akun.password}
        r = self.minta("masuk (POST)", "POST", "/masuk/", data)
        if r.status != 302 or "sessionid" not in self.kue:
            self.gagal("masuk (POST)", "POST", "/masuk/", f"tidak masuk (HTTP {r.status})", r.teks)


def _multipart(data, berkas):
    """A form with one file, as a browser sends it: (body, Content-Type)."""
    batas = f"----kinerja-beban-{secrets.token_hex(8)}"
    bagian = []
    for nama, nilai in data.items():
        bagian.append(f'--{batas}\r\nContent-Disposition: form-data; name="{nama}"\r\n\r\n{nilai}\r\n'.encode())
    nama, nama_berkas, isi = berkas
    bagian.append(
        f'--{batas}\r\nContent-Disposition: form-data; name="{nama}"; filename="{nama_berkas}"\r\n'
        "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n".encode()
        + isi
        + b"\r\n"
    )
    bagian.append(f"--{batas}--\r\n".encode())
    return b"".join(bagian), f"multipart/form-data; boundary={batas}"


def _ringkas(teks):
    """The readable part of a page: its error summary when there is one, else its text."""
    awal = teks.find('class="ringkasan-galat"')
    if awal >= 0:
        teks = teks[awal:]
    teks = re.sub(r"<script.*?</script>|<style.*?</style>", " ", teks, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", teks))).strip()[:600]


def _token(teks):
    m = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', teks)
    if not m:
        raise ValueError("Tidak ada token CSRF di halaman.")
    return m.group(1)


ATRIBUT = re.compile(r'([\w:-]+)(?:="([^"]*)")?')


def _atribut(teks):
    return {k: html.unescape(v or "") for k, v in ATRIBUT.findall(teks)}


def baca_form(teks):
    """The fields of the entry form (#form-isian) as a browser would send them untouched,
    in page order; with the options of each select."""
    awal = teks.find('<form id="form-isian"')
    if awal < 0:
        return None
    bagian = teks[awal : teks.index("</form>", awal)]
    field, pilihan = [], {}
    pola = re.compile(r"<input\b([^>]*)>|<textarea\b([^>]*)>(.*?)</textarea>|<select\b([^>]*)>(.*?)</select>", re.S)
    for m in pola.finditer(bagian):
        if m.group(1) is not None:
            a = _atribut(m.group(1))
            if "name" in a and "form" not in a and a.get("type", "text") not in ("submit", "button", "file"):
                field.append((a["name"], a.get("value", "")))
        elif m.group(2) is not None:
            a = _atribut(m.group(2))
            field.append((a["name"], html.unescape(m.group(3)).removeprefix("\n")))
        else:
            a = _atribut(m.group(4))
            opsi = [_atribut(o) for o in re.findall(r"<option\b([^>]*)>", m.group(5))]
            pilih = next((o["value"] for o in opsi if "selected" in o), opsi[0]["value"] if opsi else "")
            pilihan[a["name"]] = [o["value"] for o in opsi if o["value"]]
            field.append((a["name"], pilih))
    return field, pilihan


# --- what the operators type ----------------------------------------------------------------


def angka_id(d):
    """A Decimal written the Indonesian way (1.234,5), as an operator types it."""
    bulat, _, pecahan = f"{abs(d):f}".partition(".")
    teks = f"{int(bulat):,}".replace(",", ".") + (f",{pecahan}" if pecahan else "")
    return ("-" if d < 0 else "") + teks


def baca_id(teks):
    teks = teks.strip()
    return Decimal(teks.replace(".", "").replace(",", ".")) if teks else None


def _campur(*angka):
    h = 0
    for a in angka:
        h = (h * 1_000_003 + a) % 2**61
    return h


def nilai_indikator(op, pk, revisi):
    # Whole numbers (up to 99.999): most demo indicators count people, documents or reports,
    # whose realisation the entry page refuses as a fraction (Admin › Satuan cacah).
    return Decimal(_campur(op, pk, revisi) % 100_000)


def nilai_anggaran(op, pk, revisi):
    return 1_000_000 + _campur(op, pk, revisi, 7) % 400_000_000


def berubah_pada(op, pk, putaran):
    """Rows of later rounds that change: about a third of the indicators, half of the budgets."""
    return putaran == 1 or (pk + op + putaran) % 3 == 0


@dataclass
class Baris:
    """One row of the unit as last saved by its operator: the fields sent and how often they
    changed (= the version the database must hold)."""

    nilai: dict
    revisi: int = 0


@dataclass
class HasilOperator:
    akun: Akun
    indikator: dict = field(default_factory=dict)  # pk → Baris (fields: nilai/pembilang/…/keterangan)
    anggaran: dict = field(default_factory=dict)  # sub kegiatan pk → Baris (field: nilai)
    putaran_selesai: int = 0


def isi_halaman(field, pilihan, op, putaran, hasil):
    """The POST data of the page with this round's values; the rows it changes."""
    data = dict(field)
    indikator = sorted({int(m.group(1)) for n, _ in field if (m := re.fullmatch(r"r(\d+)-versi", n))})
    anggaran = sorted({int(m.group(1)) for n, _ in field if (m := re.fullmatch(r"a(\d+)-versi", n))})
    diubah_r, diubah_a = [], []
    for pk in indikator:
        lama = hasil.indikator.get(pk)
        if lama is not None and not berubah_pada(op, pk, putaran):
            continue
        revisi = (lama.revisi if lama else 0) + 1
        baru = {}
        if f"r{pk}-nilai" in data:
            baru["nilai"] = angka_id(nilai_indikator(op, pk, revisi))
        elif f"r{pk}-pembilang" in data:
            baru["pembilang"] = angka_id(nilai_indikator(op, pk, revisi))
            baru["penyebut"] = angka_id(nilai_indikator(op, pk, revisi + 1000) + 1)
        elif f"r{pk}-tingkat" in data and pilihan.get(f"r{pk}-tingkat"):
            opsi = pilihan[f"r{pk}-tingkat"]
            baru["tingkat"] = opsi[_campur(op, pk, revisi) % len(opsi)]
        if putaran > 1 and pk % 4 == 0:
            baru["keterangan"] = f"Putaran {putaran} oleh op{op:02d}: data & dokumen <lengkap>"
        else:
            baru["keterangan"] = lama.nilai.get("keterangan", "") if lama else ""
        if lama is not None and baru == lama.nilai:
            continue  # the same level drawn again: nothing to save
        data.update({f"r{pk}-{k}": v for k, v in baru.items()})
        diubah_r.append((pk, Baris(baru, revisi)))
    for pk in anggaran:
        lama = hasil.anggaran.get(pk)
        if lama is not None and (putaran == 1 or (pk + op + putaran) % 2):
            continue
        revisi = (lama.revisi if lama else 0) + 1
        baru = {"nilai": angka_id(Decimal(nilai_anggaran(op, pk, revisi)))}
        data[f"a{pk}-nilai"] = baru["nilai"]
        diubah_a.append((pk, Baris(baru, revisi)))
    return data, diubah_r, diubah_a


def selisih_halaman(field, hasil):
    """Rows whose value on the page differs from what was last saved: lost or wrong updates as
    the operator would see them."""
    tampil = dict(field)
    beda = []
    for jenis, awalan, baris in (("indikator", "r", hasil.indikator), ("anggaran", "a", hasil.anggaran)):
        for pk, b in baris.items():
            for nama, dikirim in b.nilai.items():
                kunci = f"{awalan}{pk}-{nama}"
                ada = tampil.get(kunci)
                if nama in ("nilai", "pembilang", "penyebut"):
                    sama = ada is not None and baca_id(ada) == baca_id(dikirim)
                else:
                    sama = (ada or "").replace("\r\n", "\n").strip() == dikirim.strip()
                if not sama:
                    beda.append(f"{jenis} {pk} {nama}: dikirim {dikirim!r}, tampil {ada!r}")
    return beda


PESAN_SIMPAN = re.compile(r"Tersimpan: (\d+) realisasi indikator dan (\d+) realisasi keuangan\.")


def jalankan_operator(klien, nomor, akun, putaran, hasil):
    klien.masuk(akun)
    url = akun.url_isian
    for p in range(1, putaran + 1):
        r = klien.minta("isian GET", "GET", url)
        bentuk = baca_form(r.teks)
        if bentuk is None or 'class="ringkasan-galat"' in r.teks:
            klien.gagal("isian GET", "GET", url, "halaman tanpa formulir isian atau dengan galat", r.teks)
        field, pilihan = bentuk
        if beda := selisih_halaman(field, hasil):
            klien.gagal("isian GET", "GET", url, f"{len(beda)} nilai tidak seperti yang disimpan: {beda[:3]}")
        data, diubah_r, diubah_a = isi_halaman(field, pilihan, nomor, p, hasil)
        r = klien.minta("isian POST", "POST", url, data)
        if r.status != 302:
            klien.gagal("isian POST", "POST", url, f"HTTP {r.status}, bukan pengalihan", r.teks)
        hasil.indikator.update(diubah_r)
        hasil.anggaran.update(diubah_a)
        hasil.putaran_selesai = p
        lokasi = urlsplit(r.lokasi)
        tujuan = lokasi.path + (f"?{lokasi.query}" if lokasi.query else "")
        r = klien.minta("isian GET sesudah simpan", "GET", tujuan)
        m = PESAN_SIMPAN.search(r.teks)
        harapan = (len(diubah_r), len(diubah_a))
        if m is None or (int(m.group(1)), int(m.group(2))) != harapan or 'class="ringkasan-galat"' in r.teks:
            pesan = f"pesan simpan {m.group(0) if m else 'tidak ada'}; harapan {harapan[0]} dan {harapan[1]}"
            klien.gagal("isian GET sesudah simpan", "GET", tujuan, pesan, r.teks)
    r = klien.minta("isian GET", "GET", url)
    bentuk = baca_form(r.teks)
    if bentuk is None or (beda := selisih_halaman(bentuk[0], hasil)):
        klien.gagal("isian GET", "GET", url, f"halaman akhir tidak seperti yang disimpan: {beda[:3]}", r.teks)


def jalankan_verifikator(klien, nomor, akun, permintaan, unit):
    klien.masuk(akun)
    periode = f"tahun={TAHUN}&triwulan={TRIWULAN}"
    for j in range(permintaan):
        sasaran = unit[(nomor * 7 + j) % len(unit)]
        unit_bidang = f"?unit={sasaran.bidang_id}" if sasaran.bidang_id else ""
        jenis, url = [
            ("dasbor wilayah", f"/dasbor/wilayah/?{periode}"),
            ("dasbor perangkat daerah", f"/dasbor/{sasaran.opd_kode}/{TAHUN}/?triwulan={TRIWULAN}"),
            ("daftar verifikasi", f"/verifikasi/?{periode}"),
            ("tinjauan triwulan", f"/verifikasi/{sasaran.opd_kode}/{TAHUN}/tw-{TRIWULAN}/{unit_bidang}"),
        ][j % 4]
        r = klien.minta(jenis, "GET", url)
        if r.status != 200:
            klien.gagal(jenis, "GET", url, f"HTTP {r.status}", r.teks)


def matriks_renstra():
    """The seed Renstra matrix (Batu Bara, Bab IV Tabel 4.1) as fixed after the importer's
    messages: 98 sub kegiatan, written as the bytes of an XLSX file."""
    from kinerja.tests.seed_xlsx import baris_matriks_renstra, perbaiki_matriks_renstra, tulis_xlsx

    with tempfile.TemporaryDirectory() as folder:
        berkas = tulis_xlsx(
            Path(folder) / "matriks.xlsx", {"Tabel 4.1": perbaiki_matriks_renstra(baris_matriks_renstra())}
        )
        return berkas.read_bytes()


SUB_KEGIATAN_MATRIKS = 98


def _tunggu_impor(klien, url, selesai, jenis):
    """Poll the import's page (as the page does, once a second) until one of `selesai` shows."""
    while True:
        r = klien.minta(jenis, "GET", url)
        for teks in selesai:
            if teks in r.teks:
                return teks
        if "Sedang diperiksa" not in r.teks and "Sedang disimpan" not in r.teks:
            klien.gagal(jenis, "GET", url, "halaman impor tanpa status yang dikenal", r.teks)
        time.sleep(1)


def _jawaban_jumlah(teks):
    """The admin's answer to every totals question of the preview (a printed total that
    disagrees with its parts): the parts as typed are right."""
    from kinerja.importers.keputusan import AWALAN_ISIAN, RINCIAN

    nama = re.findall(r'name="(' + re.escape(AWALAN_ISIAN) + r'[^"]+)"', teks)
    return {html.unescape(n): RINCIAN for n in nama}


def jalankan_pengimpor(klien, nomor, akun, isi):
    klien.masuk(akun)
    r = klien.minta("impor (halaman)", "GET", "/impor/")
    data = {"csrfmiddlewaretoken": _token(r.teks), "format": "matriks-renstra", "opd": akun.unit, "tahun": "2025"}
    r = klien.minta("impor (unggah)", "POST", "/impor/", data, berkas=("berkas", f"matriks-{nomor}.xlsx", isi))
    if r.status != 302:
        klien.gagal("impor (unggah)", "POST", "/impor/", f"HTTP {r.status}, bukan pengalihan", r.teks)
    url = urlsplit(r.lokasi).path
    hasil = _tunggu_impor(
        klien, url, ("Berkas dapat diimpor.", "Berkas belum dapat diimpor", "Impor gagal"), "impor (periksa)"
    )
    if hasil != "Berkas dapat diimpor.":
        klien.gagal("impor (periksa)", "GET", url, hasil)
    r = klien.minta("impor (halaman)", "GET", url)
    data = {"csrfmiddlewaretoken": _token(r.teks)} | _jawaban_jumlah(r.teks)
    for _ in range(2):  # approved twice, as a double click on a slow connection
        klien.minta("impor (setujui)", "POST", f"{url}simpan/", data, referer=url)
    hasil = _tunggu_impor(klien, url, ("Sudah diimpor", "Berkas belum dapat diimpor", "Impor gagal"), "impor (simpan)")
    if hasil != "Sudah diimpor":
        klien.gagal("impor (simpan)", "GET", url, hasil)


def kendarai(server, operator, verifikator, args, pengimpor=(), isi_matriks=b""):
    """Run every user in its own thread, staggered over the first seconds; stop at the deadline."""
    catatan = Catatan()
    tenggat = time.monotonic() + args.batas_detik
    hasil = [HasilOperator(a) for a in operator]
    kerja = [(jalankan_operator, n, a, args.putaran, hasil[n - 1]) for n, a in enumerate(operator, start=1)] + [
        (jalankan_verifikator, n, a, args.permintaan, operator) for n, a in enumerate(verifikator, start=1)
    ]
    kerja += [(jalankan_pengimpor, n, a, isi_matriks) for n, a in enumerate(pengimpor, start=1)]

    def utas(i, fungsi, nomor, akun, *lain):
        time.sleep(i * 0.05)
        klien = Klien(server.port, catatan, tenggat)
        try:
            fungsi(klien, nomor, akun, *lain)
        except Gagal:
            pass
        except WaktuHabis:
            catatan.gagal(Galat("utas", "-", akun.username, "batas waktu habis sebelum selesai"))
        except Exception as e:  # a bug of this script: counted, not hidden
            catatan.gagal(Galat("utas", "-", akun.username, f"galat klien: {e!r}"))

    daftar = [threading.Thread(target=utas, args=(i, *k), daemon=True) for i, k in enumerate(kerja)]
    mulai = time.perf_counter()
    for t in daftar:
        t.start()
    for t in daftar:
        t.join(timeout=max(0.0, tenggat - time.monotonic()) + 10)
    return catatan, hasil, time.perf_counter() - mulai


# --- the realistic profile ------------------------------------------------------------------

BATAS_P95_MS = 300
JEDA_BERPIKIR = (5.0, 15.0)


def halaman_nyata(akun, verifikator, j, unit):
    """The page a user asks for next: an operator their entry page or home, a reviewer the
    pages of a reviewer comparing agencies."""
    periode = f"tahun={TAHUN}&triwulan={TRIWULAN - 1}"
    if not verifikator:
        return [("isian GET", akun.url_isian), ("beranda operator", "/dasbor/")][j % 2]
    sasaran = unit[j % len(unit)]
    return [
        ("dasbor wilayah", f"/dasbor/wilayah/?{periode}"),
        ("dasbor perangkat daerah", f"/dasbor/{sasaran.opd_kode}/{TAHUN}/?triwulan={TRIWULAN - 1}"),
        ("daftar verifikasi", f"/verifikasi/?{periode}"),
        ("tinjauan triwulan", f"/verifikasi/{sasaran.opd_kode}/{TAHUN}/tw-{TRIWULAN - 1}/"),
    ][j % 4]


def langkah_nyata(server, operator, verifikator, jumlah, detik, benih):
    """`jumlah` users, one reviewer in four, each logging in (spread over a warm-up of 20 s, not
    measured: a log-in's password hash is expensive on purpose) and then thinking 5–15 s before
    each page, for `detik` seconds after the warm-up. Returns the times of the requests after the
    warm-up, the failed ones, and the share of the machine's CPU used meanwhile."""
    pemanasan = 20.0
    catatan, abaikan = Catatan(), Catatan()
    awal = time.monotonic()
    tenggat = awal + pemanasan + detik

    def utas(i):
        acak = random.Random(benih * 1000 + i)
        pengulas = i % 4 == 0
        akun = (verifikator if pengulas else operator)[i % len(verifikator if pengulas else operator)]
        klien = Klien(server.port, abaikan, tenggat + 30)
        time.sleep(acak.uniform(0, JEDA_BERPIKIR[1]))
        try:
            klien.masuk(akun)
            j = acak.randrange(100)
            while (jeda := acak.uniform(*JEDA_BERPIKIR)) and time.monotonic() + jeda < tenggat:
                time.sleep(jeda)
                if time.monotonic() >= awal + pemanasan:
                    klien.catatan = catatan
                jenis, url = halaman_nyata(akun, pengulas, j, operator)
                r = klien.minta(jenis, "GET", url)
                if r.status != 200:
                    klien.gagal(jenis, "GET", url, f"HTTP {r.status}", r.teks)
                j += 1
        except (Gagal, WaktuHabis):
            pass

    daftar = [threading.Thread(target=utas, args=(i,), daemon=True) for i in range(jumlah)]
    for t in daftar:
        t.start()
    time.sleep(pemanasan)
    mesin = cpu_mesin()
    for t in daftar:
        t.join(timeout=max(0.0, tenggat - time.monotonic()) + 60)
    akhir = cpu_mesin()
    sibuk = (akhir[0] - mesin[0]) / max(1, akhir[1] - mesin[1]) if mesin and akhir else None
    waktu = sorted(ms for jenis, w in catatan.waktu.items() if not jenis.startswith("masuk") for ms in w)
    return waktu, catatan.galat, sibuk


def profil_nyata(server, operator, verifikator, langkah, detik):
    """The realistic profile, step by step; stops after the step whose p95 passes 300 ms. Prints
    the number of users one server holds at p95 ≤ 300 ms; returns the number of failed requests."""
    print(f"\nProfil nyata: jeda berpikir 5–15 s, {detik:.0f} s per langkah, semua permintaan kecuali masuk")
    print(f"{'pengguna':>8} {'permintaan':>10} {'per s':>6} {'galat':>6} {'p50':>6} {'p95':>6} {'p99':>6} {'CPU':>5}")
    tahan, semua_galat = None, 0
    for n, jumlah in enumerate(langkah, start=1):
        waktu, daftar_galat, sibuk = langkah_nyata(server, operator, verifikator, jumlah, detik, n)
        galat = len(daftar_galat)
        semua_galat += galat
        for g in daftar_galat[:3]:
            print(f"  [{g.jenis}] {g.metode} {g.url}: {g.pesan}")
        if not waktu:
            print(f"{jumlah:8d} tanpa permintaan")
            continue
        p95 = persentil(waktu, 95)
        cpu = f"{sibuk:.0%}" if sibuk is not None else "?"
        print(
            f"{jumlah:8d} {len(waktu):10d} {len(waktu) / detik:6.1f} {galat:6d} {persentil(waktu, 50):6.0f} "
            f"{p95:6.0f} {persentil(waktu, 99):6.0f} {cpu:>5}"
        )
        if p95 > BATAS_P95_MS:
            print(f"p95 melewati {BATAS_P95_MS} ms pada {jumlah} pengguna", end="")
            print(f"; satu server ini menahan {tahan} pengguna dengan p95 ≤ {BATAS_P95_MS} ms" if tahan else "")
            return semua_galat
        tahan = jumlah
    if tahan:
        print(f"p95 ≤ {BATAS_P95_MS} ms sampai {tahan} pengguna, langkah terbesar yang diuji")
    return semua_galat


# --- the report -----------------------------------------------------------------------------


def persentil(urut, p):
    return urut[min(len(urut) - 1, max(0, round(p / 100 * len(urut) + 0.5) - 1))]


def cpu_mesin():
    """(busy, total) jiffies of the whole machine so far (Linux), else None."""
    try:
        with open("/proc/stat") as f:
            angka = [int(x) for x in f.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    return sum(angka) - angka[3] - angka[4], sum(angka)


def cpu_detik(siapa):
    r = resource.getrusage(siapa)
    return r.ru_utime + r.ru_stime


def laporan(catatan, durasi, cpu):
    total = sum(len(v) for v in catatan.waktu.values())
    print(f"\n{total} permintaan dalam {durasi:.1f} s: {total / durasi:.1f} permintaan/s")
    print(cpu)
    print(f"{'jenis permintaan':28} {'jumlah':>7} {'galat':>6} {'p50 (ms)':>9} {'p95 (ms)':>9} {'maks (ms)':>10}")
    for jenis, waktu in sorted(catatan.waktu.items()):
        urut = sorted(waktu)
        print(
            f"{jenis:28} {len(urut):7d} {catatan.galat_per_jenis.get(jenis, 0):6d} "
            f"{persentil(urut, 50):9.0f} {persentil(urut, 95):9.0f} {urut[-1]:10.0f}"
        )
    if catatan.galat:
        print(f"\n{len(catatan.galat)} galat permintaan; yang pertama:")
        for g in catatan.galat[:5]:
            print(f"  [{g.jenis}] {g.metode} {g.url}: {g.pesan}")
            if g.isi:
                print(f"    {g.isi}")
    return total


def laporan_log(server):
    indeks, baris = galat_di_log(server.log)
    if indeks:
        print(f"\n{len(indeks)} baris galat di log gunicorn ({server.log}); yang pertama:")
        for i in indeks[:3]:
            print("  " + "\n  ".join(baris[i : i + 30]))
    return len(indeks)


# --- the database afterwards ----------------------------------------------------------------


def periksa_basis_data(hasil, masalah, baris_salah):
    """Every row each operator saved: exactly one row for the quarter, the value last sent, a
    version and a history row per change; every unit's submission once, still a draft.
    Returns (missing rows, duplicate rows, rows checked); describes them in `baris_salah` and
    every other mismatch in `masalah`."""
    from django.db.models import Count

    from kinerja.models import Pelaporan, Realisasi, RealisasiAnggaran
    from kinerja.selectors import isian_triwulan
    from renstra.models import Bidang, PerangkatDaerah

    hilang = ganda = 0
    semua_r, semua_a = set(), set()
    for h in hasil:
        if not h.putaran_selesai:
            continue
        opd = PerangkatDaerah.objects.get(kode=h.akun.opd_kode)
        bidang = Bidang.objects.get(pk=h.akun.bidang_id) if h.akun.bidang_id else None
        halaman = isian_triwulan(opd, TAHUN, TRIWULAN, bidang=bidang)
        unit_r = {b.indikator.pk for b in halaman.baris}
        unit_a = {a.sub_kegiatan.pk for a in halaman.anggaran}
        if set(h.indikator) != unit_r or set(h.anggaran) != unit_a:
            masalah.append(
                f"{h.akun.unit}: halaman berisi {len(h.indikator)}+{len(h.anggaran)} baris, "
                f"unit {len(unit_r)}+{len(unit_a)}"
            )
        semua_r |= set(h.indikator)
        semua_a |= set(h.anggaran)
        for model, kunci, baris, banding in (
            (Realisasi, "indikator_id", h.indikator, _sama_realisasi),
            (RealisasiAnggaran, "sub_kegiatan_id", h.anggaran, _sama_anggaran),
        ):
            tersimpan = defaultdict(list)
            for r in model.objects.filter(tahun=TAHUN, triwulan=TRIWULAN, **{f"{kunci}__in": list(baris)}):
                tersimpan[getattr(r, kunci)].append(r)
            riwayat = dict(
                model.history.filter(tahun=TAHUN, triwulan=TRIWULAN, **{f"{kunci}__in": list(baris)})
                .order_by()
                .values_list(kunci)
                .annotate(n=Count("history_id"))
            )
            for pk, b in baris.items():
                rs = tersimpan.get(pk, [])
                if not rs:
                    hilang += 1
                    baris_salah.append(f"{h.akun.unit}: {model.__name__} {pk} hilang")
                    continue
                if len(rs) > 1:
                    ganda += len(rs) - 1
                    baris_salah.append(f"{h.akun.unit}: {model.__name__} {pk} ada {len(rs)} baris")
                r = rs[0]
                if beda := banding(r, b.nilai):
                    masalah.append(f"{h.akun.unit}: {model.__name__} {pk}: {beda}")
                oleh = r.diubah_oleh.username if r.diubah_oleh else None
                if r.versi != b.revisi or riwayat.get(pk) != b.revisi or oleh != h.akun.username:
                    masalah.append(
                        f"{h.akun.unit}: {model.__name__} {pk}: versi {r.versi}, riwayat {riwayat.get(pk)}, "
                        f"oleh {r.diubah_oleh}; harapan {b.revisi} perubahan oleh {h.akun.username}"
                    )
        p = list(Pelaporan.objects.filter(opd=opd, bidang=bidang, tahun=TAHUN, triwulan=TRIWULAN))
        if len(p) != 1 or p[0].status != Pelaporan.Status.DRAFT or p[0].history.count() != 1:
            keadaan = [(x.status, x.history.count()) for x in p]
            masalah.append(f"{h.akun.unit}: pelaporan {keadaan}, harapan satu draf dengan satu riwayat")
    # Nothing else was written for the quarter (the region had no TW IV before the run).
    periode = {"tahun": TAHUN, "triwulan": TRIWULAN}
    liar_r = Realisasi.objects.filter(**periode).exclude(indikator_id__in=semua_r).count()
    liar_a = RealisasiAnggaran.objects.filter(**periode).exclude(sub_kegiatan_id__in=semua_a).count()
    liar_p = Pelaporan.objects.filter(**periode).count() - sum(1 for h in hasil if h.putaran_selesai)
    if liar_r or liar_a or liar_p:
        masalah.append(f"baris lain triwulan ini: {liar_r} realisasi, {liar_a} anggaran, {liar_p} pelaporan")
    return hilang, ganda, len(semua_r), len(semua_a)


def periksa_impor(pengimpor, masalah):
    """Each admin's import: done, its agency holds the whole matrix, and every row once."""
    from kinerja.models import Impor
    from renstra.models import SubKegiatan, Target

    for akun in pengimpor:
        impor = list(Impor.objects.filter(opd__kode=akun.opd_kode))
        sub = SubKegiatan.objects.filter(kegiatan__program__renstra__opd__kode=akun.opd_kode).count()
        target = Target.objects.filter(indikator__renstra__opd__kode=akun.opd_kode)
        riwayat = Target.history.filter(indikator__renstra__opd__kode=akun.opd_kode).count()
        if [i.status for i in impor] != ["selesai"] or sub != SUB_KEGIATAN_MATRIKS or riwayat != target.count():
            masalah.append(
                f"impor {akun.opd_kode}: status {[i.status for i in impor]}, {sub} sub kegiatan "
                f"(harapan {SUB_KEGIATAN_MATRIKS}), {target.count()} target dengan {riwayat} riwayat"
            )


def _sama_realisasi(r, dikirim):
    harapan = {
        "nilai": baca_id(dikirim["nilai"]) if "nilai" in dikirim else None,
        "pembilang": baca_id(dikirim["pembilang"]) if "pembilang" in dikirim else None,
        "penyebut": baca_id(dikirim["penyebut"]) if "penyebut" in dikirim else None,
        "tingkat_id": int(dikirim["tingkat"]) if dikirim.get("tingkat") else None,
        "keterangan": dikirim.get("keterangan", ""),
    }
    beda = {k: (getattr(r, k), v) for k, v in harapan.items() if getattr(r, k) != v}
    return f"tersimpan/dikirim {beda}" if beda else ""


def _sama_anggaran(r, dikirim):
    harapan = int(baca_id(dikirim["nilai"]))
    return f"tersimpan {r.nilai}, dikirim {harapan}" if r.nilai != harapan else ""


# --- main -----------------------------------------------------------------------------------


def main():
    args = argumen()
    print(f"Uji beban Kinerja: {args.operator} operator, {args.verifikator} verifikator, TW {TRIWULAN} {TAHUN}")
    folder = Path(tempfile.mkdtemp(prefix="kinerja-beban-"))
    server = pekerja = None
    operator = []
    berhasil = False
    with Fase(f"basis data {BASIS_DATA} baru"):
        basis_data_baru()
    try:
        django_setup()
        operator, verifikator, pengimpor = muat_data(args.operator, args.verifikator, args.impor)
        env = lingkungan_produksi(folder)
        with Fase("collectstatic"):
            collectstatic(env)
        with Fase("gunicorn siap"):
            server = jalankan_gunicorn(env, folder, args.workers, args.threads)
        pekerja = jalankan_pekerja(env, folder)
        putaran = args.putaran
        jumlah = len(operator) * (2 + 3 * putaran + 1) + len(verifikator) * (2 + args.permintaan)
        print(
            f"• beban: {jumlah} permintaan: {len(operator)} operator × (masuk, {putaran} × [isian, simpan, "
            f"isian] + isian), {len(verifikator)} verifikator × (masuk + {args.permintaan}); {len(pengimpor)} admin "
            f"× (masuk, unggah matriks Renstra, tunggu pemeriksaan, setujui dua kali, tunggu penyimpanan); "
            f"batas {args.batas_detik:.0f} s"
        )
        mesin, klien = cpu_mesin(), cpu_detik(resource.RUSAGE_SELF)
        catatan, hasil, durasi = kendarai(server, operator, verifikator, args, pengimpor, matriks_renstra())
        mesin_akhir, klien = cpu_mesin(), cpu_detik(resource.RUSAGE_SELF) - klien
        with Fase("gunicorn dan pekerja berhenti"):
            hentikan_gunicorn(server)
            hentikan_gunicorn(pekerja)
        cpu = f"CPU: klien (skrip ini) {klien:.0f} s, gunicorn {cpu_detik(resource.RUSAGE_CHILDREN) - server.cpu:.0f} s"
        if mesin and mesin_akhir:
            sibuk = (mesin_akhir[0] - mesin[0]) / max(1, mesin_akhir[1] - mesin[1])
            cpu += f"; mesin ({os.cpu_count()} CPU, juga PostgreSQL) sibuk {sibuk:.0%} selama fase beban"
        laporan(catatan, durasi, cpu)
        galat_log = laporan_log(server) + laporan_log(pekerja)

        print()
        masalah, baris_salah = [], []
        with Fase("pemeriksaan basis data"):
            hilang, ganda, jumlah_r, jumlah_a = periksa_basis_data(hasil, masalah, baris_salah)
            periksa_impor(pengimpor, masalah)
        print(f"  {jumlah_r} realisasi indikator dan {jumlah_a} realisasi keuangan diperiksa")
        if belum := [h.akun.username for h in hasil if h.putaran_selesai < putaran]:
            masalah.append(f"{len(belum)} operator tidak menyelesaikan {putaran} putaran: {belum[:5]}")
        for m in [*baris_salah[:10], *masalah[:10]]:
            print(f"  {m}")
        galat = len(catatan.galat) + galat_log + len(masalah)
        print(f"\n{galat} galat, {hilang} baris hilang, {ganda} baris ganda")
        berhasil = not (galat or hilang or ganda)
        langkah = [int(n) for n in args.nyata.split(",") if n.strip() and int(n) > 0]
        if langkah:  # on a fresh server, after the checks: its pages write nothing they check
            with Fase("gunicorn siap untuk profil nyata"):
                server = jalankan_gunicorn(env, folder, args.workers, args.threads)
            galat_nyata = profil_nyata(server, operator, verifikator, langkah, args.nyata_detik)
            with Fase("gunicorn berhenti"):
                hentikan_gunicorn(server)
            if galat_nyata:
                print(f"{galat_nyata} permintaan profil nyata gagal")
            berhasil = berhasil and not galat_nyata and not laporan_log(server)
    finally:
        for proses in (server, pekerja):
            if proses is not None:
                hentikan_gunicorn(proses)
        if args.simpan:
            print(f"basis data {BASIS_DATA} dan {folder} disimpan")
            if operator:
                print(f"kata sandi beban_op01…, beban_ver01…: {operator[0].password}")
        else:
            with Fase(f"hapus basis data {BASIS_DATA}"):
                hapus_basis_data()
            if berhasil:
                shutil.rmtree(folder, ignore_errors=True)
            else:
                print(f"log gunicorn: {server.log if server else folder}")
    sys.exit(0 if berhasil else 1)


if __name__ == "__main__":
    main()
