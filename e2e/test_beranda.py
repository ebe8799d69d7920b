"""An operator and a reviewer use the home page in a real browser."""

import re

from playwright.sync_api import expect

from .conftest import simpan_gambar


def test_operator_logs_in_and_walks_their_renstra_tree(demo, masuk):
    halaman = masuk("operator_belitung")
    expect(halaman.get_by_role("heading", level=1)).to_have_text(re.compile(r"Renstra 2024–2026"))
    expect(halaman.locator(".pengguna-peran")).to_have_text("Operator · DSPPPA Belitung")
    simpan_gambar(halaman, "beranda-operator")

    program = halaman.locator("summary", has_text="1.06.04 Program Rehabilitasi Sosial")
    program.click()
    kegiatan = halaman.locator("summary", has_text="1.06.04.2.01")
    expect(kegiatan).to_be_visible()
    kegiatan.click()
    sub = halaman.locator("th", has_text="1.06.04.2.01.0010")
    expect(sub).to_be_visible()
    sub.scroll_into_view_if_needed()
    simpan_gambar(halaman, "pohon-sub-kegiatan")

    halaman.get_by_role("link", name="2019–2023").click()
    expect(halaman.get_by_role("heading", level=1)).to_have_text("Renstra 2019–2023")
    expect(halaman.get_by_text("18,39").or_(halaman.get_by_text("0,5")).first).to_be_visible()

    halaman.get_by_role("button", name="Keluar").click()
    expect(halaman.get_by_role("heading", name="Masuk ke Kinerja")).to_be_visible()


def test_reviewer_opens_any_agency_from_the_list(demo, masuk):
    halaman = masuk("verifikator")
    expect(halaman.get_by_role("heading", name="Perangkat daerah")).to_be_visible()
    simpan_gambar(halaman, "daftar-perangkat-daerah")
    halaman.get_by_role("link", name="2025–2029").click()
    expect(halaman.get_by_role("heading", level=1)).to_have_text("Renstra 2025–2029")
    expect(halaman.get_by_text("Kabupaten Batu Bara").first).to_be_visible()
    expect(halaman.get_by_role("cell", name="42:100000")).to_be_visible()


def test_wrong_password_is_explained(demo, halaman, live_server):
    halaman.goto(f"{live_server.url}/masuk/")
    halaman.get_by_label("Nama pengguna").fill("operator_belitung")
    halaman.get_by_label("Kata sandi").fill("salah")
    halaman.get_by_role("button", name="Masuk").click()
    expect(halaman.get_by_role("alert")).to_contain_text("Nama pengguna atau kata sandi salah")
