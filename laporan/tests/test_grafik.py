"""The SVG charts: every mark where its number puts it, carrying that number."""

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from laporan.grafik import BarisBatang, Titik, batang_bertumpuk, batang_mendatar, garis, sebaran

D = Decimal
SVG = "{http://www.w3.org/2000/svg}"


def svg(grafik):
    return ET.fromstring(grafik.svg)


def tanda(grafik, nama, kelas=None):
    return [e for e in svg(grafik).iter(SVG + nama) if kelas is None or kelas in e.get("class", "").split()]


def test_a_stacked_bar_splits_its_width_in_proportion_to_the_counts():
    g = batang_bertumpuk([("Sangat baik", 3, "#166534"), ("Baik", 0, "#15803d"), ("Cukup", 1, "#a16207")], lebar=180)
    rect = tanda(g, "rect")
    assert [(r.get("data-label"), r.get("data-nilai")) for r in rect] == [("Sangat baik", "3"), ("Cukup", "1")]
    assert [(float(r.get("x")), float(r.get("width"))) for r in rect] == [(0, 135), (135, 45)]
    assert svg(g).get("data-total") == "4"
    assert g.uraian == "Sangat baik 3, Cukup 1"


def test_a_bar_with_nothing_measured_is_one_grey_rectangle():
    g = batang_bertumpuk([("Baik", 0, "#15803d")], lebar=100)
    (rect,) = tanda(g, "rect")
    assert (rect.get("width"), rect.get("data-nilai")) == ("100", "0")
    assert g.uraian == "belum ada indikator terukur"


def test_a_scatter_puts_each_point_at_its_serapan_and_capaian():
    # The plot runs from x 56 to 624 (568 wide) and from y 376 (0%) up to 16 (100%).
    g = sebaran(
        [Titik("A", D(50), D(100), "opd-1"), Titik("B", D(100), D(25), "opd-2"), Titik("C", None, D(80))],
        D(90),
        D(75),
        "Capaian terhadap serapan",
    )
    titik = {c.get("data-kunci"): c for c in tanda(g, "circle", "titik")}
    assert set(titik) == {"opd-1", "opd-2"}  # C has no serapan
    assert (titik["opd-1"].get("data-x"), titik["opd-1"].get("data-y")) == ("50", "100")
    assert (float(titik["opd-1"].get("cx")), float(titik["opd-1"].get("cy"))) == (340, 16)
    assert (float(titik["opd-2"].get("cx")), float(titik["opd-2"].get("cy"))) == (624, 286)
    assert g.uraian == "2 titik capaian terhadap serapan; 1 belum terukur"
    ambang = {e.get("data-ambang"): e for e in tanda(g, "line") if e.get("data-ambang")}
    assert float(ambang["90"].get("x1")) == pytest.approx(56 + 568 * 0.9)
    assert float(ambang["75"].get("y1")) == pytest.approx(376 - 360 * 0.75)


def test_money_spent_without_results_is_drawn_red_and_named_in_the_point_title():
    g = sebaran([Titik("Dinas X", D(95), D(40))], D(90), D(90), "t")
    (c,) = tanda(g, "circle", "titik")
    assert c.get("fill") == "#b91c1c"
    assert c.find(SVG + "title").text == "Dinas X: capaian 40,00%, serapan 95,00% (Serapan tinggi, capaian rendah)"
    kuadran = [t.text for t in tanda(g, "text", "kuadran")]
    assert sorted(kuadran) == sorted(
        [
            "Capaian tinggi, serapan tinggi",
            "Capaian tinggi, serapan rendah",
            "Serapan tinggi, capaian rendah",
            "Capaian rendah, serapan rendah",
        ]
    )


def test_the_axes_stretch_to_the_largest_value_and_a_point_beyond_150_is_cut_at_the_edge():
    g = sebaran([Titik("A", D(120), D(50)), Titik("B", D(80), D(6110))], D(90), D(90), "t")
    (terpotong,) = tanda(g, "path", "terpotong")
    assert (terpotong.get("data-label"), terpotong.get("data-y")) == ("B", "6110")
    assert "capaian 6.110,00%" in terpotong.find(SVG + "title").text
    # y runs to 150 (the cut), x to 120: A sits at the right edge.
    (a,) = tanda(g, "circle", "titik")
    assert float(a.get("cx")) == 624
    assert float(a.get("cy")) == pytest.approx(376 - 360 * 50 / 150)


def test_names_are_escaped_in_the_svg():
    g = sebaran([Titik('Dinas "A" & <B>', D(10), D(10))], D(90), D(90), "Judul <x>")
    (c,) = tanda(g, "circle", "titik")  # parses: nothing broke the markup
    assert c.get("data-label") == 'Dinas "A" & <B>'
    assert svg(g).get("aria-label") == "Judul <x>"


def test_a_line_chart_marks_each_year_of_each_series_and_breaks_at_a_gap():
    tahun = [2022, 2023, 2024, 2025]
    target = ("Target", [D(10), D(20), D(30), D(40)], "#b45309")
    g = garis(tahun, [target, ("Realisasi", [D(12), None, D(25), D(44)], "#0b5563")], "t")
    titik = [(c.get("data-seri"), c.get("data-tahun"), c.get("data-nilai")) for c in tanda(g, "circle")]
    assert titik == [
        ("Target", "2022", "10"),
        ("Target", "2023", "20"),
        ("Target", "2024", "30"),
        ("Target", "2025", "40"),
        ("Realisasi", "2022", "12"),
        ("Realisasi", "2024", "25"),
        ("Realisasi", "2025", "44"),
    ]
    # One line for the target; the realisation's 2022 stands alone, 2024–2025 is a line.
    assert len(tanda(g, "polyline")) == 2
    lingkaran = {(c.get("data-seri"), c.get("data-tahun")): c for c in tanda(g, "circle")}
    # y from 0 (at 184) to 44 × 1,1 = 48,4 (at 16); x from 56 by 448 / 3 a year.
    sasaran = lingkaran["Target", "2024"]
    assert float(sasaran.get("cx")) == pytest.approx(56 + 2 * 448 / 3, abs=0.01)
    assert float(sasaran.get("cy")) == pytest.approx(192 - 176 * 30 / 48.4, abs=0.01)


def test_horizontal_bars_are_as_long_as_their_values_against_the_largest():
    # The bars run from x 210 over 366 units (640 wide, 210 left, 64 right): the largest is 366 long.
    g = batang_mendatar(
        [
            BarisBatang("Program A", [D(200), D(150)], "75,00%", "1.06.01"),
            BarisBatang("Program B", [D(100), None], "", "1.06.02"),
        ],
        [("Pagu", "#9aa3ad"), ("Realisasi", "#0b5563")],
        "Pagu dan Realisasi",
    )
    rect = [r for r in tanda(g, "rect") if r.get("data-seri")]
    assert [(r.get("data-kunci"), r.get("data-seri"), r.get("data-nilai")) for r in rect] == [
        ("1.06.01", "Pagu", "200"),
        ("1.06.01", "Realisasi", "150"),
        ("1.06.02", "Pagu", "100"),  # no realisation: no bar
    ]
    assert [float(r.get("width")) for r in rect] == [366, 274.5, 183]
    assert [float(r.get("x")) for r in rect] == [210, 210, 210]
    assert rect[1].find(SVG + "title").text == "Program A, Realisasi: Rp 150"
    assert svg(g).get("data-maks") == "200"
    assert "75,00%" in [t.text for t in tanda(g, "text")]
    assert g.uraian == "Program A: Pagu Rp 200, Realisasi Rp 150 (75,00%); Program B: Pagu Rp 100, Realisasi –"


def test_a_long_label_is_shortened_on_the_chart_and_whole_in_its_title():
    label = "Penanganan Warga Negara Migran Korban Tindak Kekerasan"
    g = batang_mendatar([BarisBatang(label, [D(1)])], [("Pagu", "#9aa3ad")], "t")
    teks = next(t for t in tanda(g, "text") if t.find(SVG + "title") is not None)
    assert teks.text == "Penanganan Warga Negara Migran Korb…"
    assert teks.find(SVG + "title").text == label
