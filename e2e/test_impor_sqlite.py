"""An import approved in a real browser on the zero-setup install, as `make run` serves it:
SQLite in a file, the development server and the worker (`manage.py pekerja`) as separate
processes, the page polling for progress every second while the worker writes. (Before the
worker, the write ran in a thread of the web process and "Setujui dan impor" failed every time
with "database is locked".)"""

import re

from playwright.sync_api import expect

from kinerja.tests import proses
from kinerja.tests.seed_xlsx import baris_matriks_renstra, perbaiki_matriks_renstra, tulis_xlsx

from .conftest import simpan_gambar

SANDI = "sandi-uji-impor-panjang"
SIAPKAN = f"""
from django.contrib.auth.models import Group
from kinerja.models import User
from renstra.models import PerangkatDaerah
PerangkatDaerah.objects.create(kode="DINSOS-UJI", nama="Dinas Sosial Kabupaten Uji", singkatan="Dinsos Uji")
u = User.objects.create_user("admin_uji", password={SANDI!r}, is_staff=True, first_name="Admin")
u.groups.add(Group.objects.get(name="Admin"))
"""


def test_admin_approves_an_import_on_sqlite_while_the_page_polls(halaman, tmp_path):
    env = proses.lingkungan(tmp_path, DEBUG="True", KINERJA_PEKERJA_DETAK_DETIK=1)
    proses.manage(env, "migrate", "--noinput", "-v0")
    proses.manage(env, "shell", "-c", SIAPKAN)
    matriks = tulis_xlsx(tmp_path / "matriks.xlsx", {"Tabel 4.1": perbaiki_matriks_renstra(baris_matriks_renstra())})
    port = proses.port_bebas()
    log_server, log_pekerja = (tmp_path / "server.log").open("w"), (tmp_path / "pekerja.log").open("w")
    server = proses.mulai(env, "runserver", "--noreload", f"127.0.0.1:{port}", log=log_server)
    pekerja = proses.mulai(env, "pekerja", "--tanpa-muat-ulang", log=log_pekerja)
    jajak = []
    halaman.on("request", lambda r: jajak.append(r.url) if "kemajuan=1" in r.url else None)
    try:
        proses.tunggu_port(port)
        url = f"http://127.0.0.1:{port}"
        halaman.goto(f"{url}/masuk/")
        halaman.get_by_label("Nama pengguna").fill("admin_uji")
        halaman.get_by_label("Kata sandi").fill(SANDI)
        halaman.get_by_role("button", name="Masuk").click()
        halaman.goto(f"{url}/impor/")
        halaman.get_by_label("Format tabel").select_option("matriks-renstra")
        halaman.get_by_label("Perangkat daerah").select_option(label="Dinas Sosial Kabupaten Uji")
        halaman.get_by_label("Tahun").fill("2025")
        halaman.get_by_label("Berkas .xlsx").set_input_files(str(matriks))
        halaman.get_by_role("button", name="Periksa berkas").click()

        expect(halaman.get_by_text("Berkas dapat diimpor.")).to_be_visible(timeout=60_000)
        sebelum = len(jajak)
        # the seed matrix's programme pagu 2026 printed over the sum of its sub kegiatan: answered
        halaman.get_by_label("Rincian benar, jumlah tercetak salah").check()
        halaman.get_by_role("button", name="Setujui dan impor").click()
        expect(halaman.get_by_text(re.compile("Sedang disimpan|Menunggu giliran"))).to_be_visible()
        simpan_gambar(halaman, "impor-sedang-disimpan")
        expect(halaman.get_by_text("Sudah diimpor")).to_be_visible(timeout=120_000)
        simpan_gambar(halaman, "impor-selesai", penuh=True)
    finally:
        proses.hentikan(server)
        proses.hentikan(pekerja)
        log_server.close()
        log_pekerja.close()

    assert len(jajak) > sebelum, "the page did not poll while the worker wrote"
    sub_kegiatan = proses.baca(
        tmp_path,
        "select count(*) from renstra_subkegiatan s join renstra_kegiatan k on s.kegiatan_id = k.id "
        "join renstra_program p on k.program_id = p.id join renstra_renstra r on p.renstra_id = r.id "
        "join renstra_perangkatdaerah o on r.opd_id = o.id where o.kode = 'DINSOS-UJI'",
    )
    assert sub_kegiatan == [(98,)]
    assert proses.baca(tmp_path, "select status from kinerja_impor") == [("selesai",)]
    server_log = (tmp_path / "server.log").read_text()
    assert "database is locked" not in server_log and '" 500 ' not in server_log, server_log[-3000:]
    assert "database is locked" not in (tmp_path / "pekerja.log").read_text()
