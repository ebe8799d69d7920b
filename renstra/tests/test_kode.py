"""Codes of each level: shape, relation to the parent, normalisation (renstra.kode)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renstra.kode import KEGIATAN, PROGRAM, SASARAN, SUB_KEGIATAN, TUJUAN, normalkan_kode, periksa_kode


@pytest.mark.parametrize(
    ("level", "kode", "induk"),
    [
        (TUJUAN, "1", None),
        (SASARAN, "1.1", "1"),
        (PROGRAM, "1.06.02", None),
        (PROGRAM, "2.08.07", None),
        (PROGRAM, "X.XX.01", None),
        (KEGIATAN, "1.06.02.2.03", "1.06.02"),
        (KEGIATAN, "1.06.02.3.05", "1.06.02"),
        (SUB_KEGIATAN, "1.06.04.2.01.0010", "1.06.04.2.01"),
        (SUB_KEGIATAN, "1.06.04.2.01.0010", None),
        (SUB_KEGIATAN, "1.06.05.2.01.01", "1.06.05.2.01"),
    ],
    ids=[
        "tujuan",
        "sasaran",
        "program",
        "program-pppa",
        "program-penunjang",
        "kegiatan",
        "kegiatan-3",
        "sub",
        "sub-tanpa-induk",
        "sub-dua-angka-permendagri-90",
    ],
)
def test_valid_codes_have_no_problem(level, kode, induk):
    assert periksa_kode(level, kode, induk) == []


@pytest.mark.parametrize(
    ("level", "kode", "induk", "pesan"),
    [
        # seed 000 (Purwakarta), kegiatan row B: a sub kegiatan code written as a kegiatan code
        (
            SUB_KEGIATAN,
            "1.06.04.2.0001",
            "1.06.04.2.01",
            'Kode sub kegiatan "1.06.04.2.0001" tidak cocok dengan kegiatan "1.06.04.2.01": '
            "di bawah kegiatan itu kodenya harus berbentuk 1.06.04.2.01.NNNN.",
        ),
        # seed 000, kegiatan row C: a two-digit part and a trailing dot
        (
            SUB_KEGIATAN,
            "1.06.04.2.02.11.",
            "1.06.04.2.02",
            'Kode sub kegiatan "1.06.04.2.02.11." tidak cocok dengan kegiatan "1.06.04.2.02": '
            "di bawah kegiatan itu kodenya harus berbentuk 1.06.04.2.02.NNNN.",
        ),
        (
            SUB_KEGIATAN,
            "1.06.04.2.0001",
            None,
            'Kode sub kegiatan "1.06.04.2.0001" tidak sesuai bentuk kode sub kegiatan (contoh: 1.06.02.2.03.0001).',
        ),
        (
            KEGIATAN,
            "1.06.03.2.01",
            "1.06.02",
            'Kode kegiatan "1.06.03.2.01" tidak cocok dengan program "1.06.02": '
            "di bawah program itu kodenya harus berbentuk 1.06.02.N.NN.",
        ),
        (PROGRAM, "1.6.2", None, 'Kode program "1.6.2" tidak sesuai bentuk kode program (contoh: 1.06.02).'),
        (PROGRAM, "2,08,02", None, 'Kode program "2,08,02" tidak sesuai bentuk kode program (contoh: 1.06.02).'),
        (
            SASARAN,
            "2.1",
            "1",
            'Kode sasaran "2.1" tidak cocok dengan tujuan "1": di bawah tujuan itu kodenya harus berbentuk 1.N.',
        ),
        (TUJUAN, "", None, "Kode tujuan wajib diisi."),
    ],
    ids=[
        "seed000-kegiatan-b",
        "seed000-kegiatan-c",
        "sub-tanpa-induk",
        "kegiatan-program-lain",
        "program-tanpa-nol",
        "program-koma",
        "sasaran-tujuan-lain",
        "kosong",
    ],
)
def test_invalid_code_gets_a_message_naming_code_and_expected_shape(level, kode, induk, pesan):
    assert periksa_kode(level, kode, induk) == [pesan]


@pytest.mark.parametrize(
    ("teks", "kode"),
    [("1.06.02.2,03", "1.06.02.2.03"), (" 2.08.02 ", "2.08.02"), ("1.06.04. 2.01 .0010", "1.06.04.2.01.0010")],
    ids=["koma-spreadsheet", "spasi-tepi", "spasi-di-titik"],
)
def test_normalisation_repairs_what_spreadsheets_do_to_codes(teks, kode):
    assert normalkan_kode(teks) == kode


_bagian_program = st.tuples(st.integers(1, 9), st.integers(1, 99), st.integers(1, 99))


@given(_bagian_program, st.integers(1, 9), st.integers(1, 99), st.integers(1, 9999))
def test_every_well_formed_sub_kegiatan_code_is_accepted_under_its_kegiatan(program, a, b, sub):
    kode_program = f"{program[0]}.{program[1]:02d}.{program[2]:02d}"
    kode_kegiatan = f"{kode_program}.{a}.{b:02d}"
    assert periksa_kode(PROGRAM, kode_program) == []
    assert periksa_kode(KEGIATAN, kode_kegiatan, kode_program) == []
    assert periksa_kode(SUB_KEGIATAN, f"{kode_kegiatan}.{sub:04d}", kode_kegiatan) == []


@given(st.text(max_size=30))
def test_normalisation_is_idempotent_and_checking_never_crashes(teks):
    kode = normalkan_kode(teks)
    assert normalkan_kode(kode) == kode
    for level in (TUJUAN, SASARAN, PROGRAM, KEGIATAN, SUB_KEGIATAN):
        assert isinstance(periksa_kode(level, kode, "1.06.02"), list)
