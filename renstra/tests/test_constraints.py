"""Every invariant of the plan that the database can state is enforced by the database, and
model validation reports the same problem with a message in Indonesian that names it."""

from decimal import Decimal

import pytest

from renstra.models import Bidang, Indikator, Pagu, PerangkatDaerah, Renstra, SkalaTingkat, SumberDana, Target, Tingkat

from .factories import (
    BidangFactory,
    IndikatorFactory,
    KegiatanFactory,
    PaguFactory,
    PerangkatDaerahFactory,
    ProgramFactory,
    RenstraFactory,
    SasaranFactory,
    SubKegiatanFactory,
    TargetFactory,
    TujuanFactory,
    skala,
)
from .pemeriksa import ditolak_database, pesan_validasi

pytestmark = pytest.mark.django_db


def _renstra(**kwargs):
    return RenstraFactory.build(opd=PerangkatDaerahFactory(), **kwargs)


def _duplikat(factory, **kunci):
    """An unsaved copy of a saved object with the same unique key."""
    asli = factory(**kunci)
    return factory.build(**{k: getattr(asli, k) for k in kunci} | _induk(asli))


def _induk(obj):
    for field in ("renstra", "tujuan", "program", "kegiatan", "opd"):
        if hasattr(obj, f"{field}_id") and getattr(obj, f"{field}_id"):
            return {field: getattr(obj, field)}
    return {}


def _target(**kwargs):
    return TargetFactory.build(indikator=IndikatorFactory(), **kwargs)


def _pagu(**kwargs):
    return PaguFactory.build(sub_kegiatan=SubKegiatanFactory(), sumber_dana=PaguFactory().sumber_dana, **kwargs)


def _target_ganda(**kwargs):
    asli = TargetFactory(**kwargs)
    return TargetFactory.build(indikator=asli.indikator, **kwargs)


def _pagu_ganda():
    asli = PaguFactory()
    return PaguFactory.build(sub_kegiatan=asli.sub_kegiatan, sumber_dana=asli.sumber_dana)


KASUS = [
    (
        "opd-kode-ganda",
        lambda: PerangkatDaerah(kode=PerangkatDaerahFactory().kode, nama="Dinas lain"),
        "Kode perangkat daerah ini sudah dipakai.",
    ),
    (
        "skala-nama-ganda",
        lambda: SkalaTingkat(nama="Kabupaten Layak Anak (KLA)"),
        "Nama skala tingkatan ini sudah dipakai.",
    ),
    ("sumber-dana-nama-ganda", lambda: SumberDana(nama="DAK Non Fisik"), "Nama sumber dana ini sudah dipakai."),
    (
        "renstra-akhir-sebelum-awal",
        lambda: _renstra(tahun_awal=2026, tahun_akhir=2024),
        "Tahun akhir Renstra tidak boleh sebelum tahun awalnya.",
    ),
    (
        "renstra-lebih-dari-enam-tahun",
        lambda: _renstra(tahun_awal=2016, tahun_akhir=2022),
        "Periode Renstra paling lama 6 tahun.",
    ),
    (
        "renstra-tahun-tidak-wajar",
        lambda: _renstra(tahun_awal=1999, tahun_akhir=2001),
        "Tahun harus antara 2000 dan 2100.",
    ),
    (
        "renstra-revisi-ganda",
        lambda: RenstraFactory.build(opd=RenstraFactory(revisi=1).opd, revisi=1, aktif=False),
        "Revisi Renstra ini sudah ada untuk perangkat daerah dan periode itu.",
    ),
    (
        "renstra-dua-aktif",
        lambda: RenstraFactory.build(opd=RenstraFactory().opd, revisi=1),
        "Sudah ada Renstra aktif untuk perangkat daerah dan periode itu.",
    ),
    (
        "bidang-nama-ganda",
        lambda: _duplikat(BidangFactory, opd=PerangkatDaerahFactory(), nama="Sekretariat"),
        "Perangkat daerah ini sudah mempunyai bidang dengan nama itu.",
    ),
    (
        "tujuan-kode-ganda",
        lambda: _duplikat(TujuanFactory, renstra=RenstraFactory(), kode="1"),
        "Kode tujuan ini sudah dipakai dalam Renstra yang sama.",
    ),
    (
        "sasaran-kode-ganda",
        lambda: _duplikat(SasaranFactory, tujuan=TujuanFactory(kode="1"), kode="1.1"),
        "Kode sasaran ini sudah dipakai di bawah tujuan yang sama.",
    ),
    (
        "program-kode-ganda",
        lambda: _duplikat(ProgramFactory, renstra=RenstraFactory(), kode="1.06.04"),
        "Kode program ini sudah dipakai dalam Renstra yang sama.",
    ),
    (
        "kegiatan-kode-ganda",
        lambda: _duplikat(KegiatanFactory, program=ProgramFactory(kode="1.06.04"), kode="1.06.04.2.01"),
        "Kode kegiatan ini sudah dipakai di bawah program yang sama.",
    ),
    (
        "sub-kegiatan-kode-ganda",
        lambda: _duplikat(
            SubKegiatanFactory,
            kegiatan=KegiatanFactory(kode="1.06.04.2.01", program=ProgramFactory(kode="1.06.04")),
            kode="1.06.04.2.01.0010",
        ),
        "Kode sub kegiatan ini sudah dipakai di bawah kegiatan yang sama.",
    ),
    (
        "tingkat-urutan-ganda",
        lambda: Tingkat(skala=skala("Anugerah"), urutan=1, nama="Perunggu"),
        "Urutan ini sudah dipakai dalam skala yang sama.",
    ),
    (
        "tingkat-nama-ganda",
        lambda: Tingkat(skala=skala("Anugerah"), urutan=9, nama="Madya"),
        "Nama tingkatan ini sudah ada dalam skala yang sama.",
    ),
    (
        "tingkat-urutan-nol",
        lambda: Tingkat(skala=skala("Anugerah"), urutan=0, nama="Calon"),
        "Urutan tingkatan dimulai dari 1.",
    ),
    (
        "indikator-dua-pemilik",
        lambda: Indikator(
            kegiatan=(k := KegiatanFactory()), program=ProgramFactory(renstra=k.program.renstra), uraian="x"
        ),
        "Indikator harus milik tepat satu tujuan, sasaran, program, kegiatan atau sub kegiatan.",
    ),
    (
        "indikator-pengali-nol",
        lambda: IndikatorFactory.build(sub_kegiatan=SubKegiatanFactory(), pengali=Decimal(0)),
        "Pengali tidak boleh nol.",
    ),
    ("target-triwulan-lima", lambda: _target(triwulan=5), "Triwulan harus 1, 2, 3 atau 4."),
    ("target-tahun-tidak-wajar", lambda: _target(tahun=1999), "Tahun 1999 di luar periode Renstra 2024–2026."),
    (
        "target-angka-dan-rentang",
        lambda: _target(batas_bawah=Decimal("2.1"), batas_atas=Decimal("2.3")),
        "Isi tepat satu bentuk target: nilai, rentang (batas bawah dan atas) atau tingkatan.",
    ),
    (
        "target-tanpa-nilai",
        lambda: _target(nilai=None),
        "Isi tepat satu bentuk target: nilai, rentang (batas bawah dan atas) atau tingkatan.",
    ),
    (
        "target-rentang-terbalik",
        lambda: _target(nilai=None, batas_bawah=Decimal("2.3"), batas_atas=Decimal("2.1")),
        "Batas bawah rentang tidak boleh melebihi batas atasnya.",
    ),
    (
        "target-tahunan-ganda",
        lambda: _target_ganda(),
        "Indikator ini sudah mempunyai target tahunan jenis itu untuk tahun itu.",
    ),
    (
        "target-triwulan-ganda",
        lambda: _target_ganda(triwulan=2),
        "Indikator ini sudah mempunyai target jenis itu untuk triwulan itu.",
    ),
    ("target-di-luar-periode-renstra", lambda: _target(tahun=2027), "Tahun 2027 di luar periode Renstra 2024–2026."),
    ("pagu-induk-negatif", lambda: _pagu(induk=-1), "Nilai rupiah tidak boleh negatif."),
    ("pagu-perubahan-negatif", lambda: _pagu(perubahan=-5_000), "Nilai rupiah tidak boleh negatif."),
    ("pagu-indikatif-negatif", lambda: _pagu(indikatif=-1), "Nilai rupiah tidak boleh negatif."),
    ("pagu-tanpa-nilai", lambda: _pagu(induk=None), "Isi sekurang-kurangnya satu nilai pagu."),
    ("pagu-ganda", _pagu_ganda, "Sub kegiatan ini sudah mempunyai pagu dari sumber dana itu untuk tahun itu."),
    ("pagu-tahun-tidak-wajar", lambda: _pagu(tahun=2101), "Tahun 2101 di luar periode Renstra 2024–2026."),
    ("pagu-di-luar-periode-renstra", lambda: _pagu(tahun=2023), "Tahun 2023 di luar periode Renstra 2024–2026."),
]


@pytest.mark.parametrize(("buat", "pesan"), [k[1:] for k in KASUS], ids=[k[0] for k in KASUS])
def test_database_rejects_invalid_row(buat, pesan):
    ditolak_database(buat())


@pytest.mark.parametrize(("buat", "pesan"), [k[1:] for k in KASUS], ids=[k[0] for k in KASUS])
def test_validation_names_the_problem_in_indonesian(buat, pesan):
    assert pesan in pesan_validasi(buat())


def test_database_rejects_shortening_a_renstra_period_that_has_targets():
    target = TargetFactory(tahun=2026)
    renstra = target.indikator.renstra
    renstra.tahun_akhir = 2025
    assert "masih mempunyai target atau pagu tahun 2026, di luar periode 2024–2025" in pesan_validasi(renstra)
    ditolak_database(renstra)


def test_database_rejects_shortening_a_renstra_period_that_has_budgets():
    pagu = PaguFactory(tahun=2024)
    renstra = pagu.sub_kegiatan.kegiatan.program.renstra
    renstra.tahun_awal = 2025
    assert "tahun 2024" in pesan_validasi(renstra)
    ditolak_database(renstra)


def test_a_renstra_period_may_grow_and_keep_its_rows():
    target = TargetFactory(tahun=2026)
    renstra = target.indikator.renstra
    renstra.tahun_akhir = 2028
    renstra.full_clean()
    renstra.save()
    assert Renstra.objects.get(pk=renstra.pk).tahun_akhir == 2028


def test_valid_rows_pass_both_checks():
    """The factories build valid data: a check that rejected everything would prove nothing."""
    for obj in (
        RenstraFactory.build(opd=PerangkatDaerahFactory()),
        TargetFactory.build(indikator=IndikatorFactory()),
        TargetFactory.build(
            indikator=IndikatorFactory(), nilai=None, batas_bawah=Decimal("2.1"), batas_atas=Decimal("2.3")
        ),
        PaguFactory.build(sub_kegiatan=SubKegiatanFactory(), sumber_dana=PaguFactory().sumber_dana, perubahan=0),
        Bidang(opd=PerangkatDaerahFactory(), nama="Bidang Perlindungan Anak"),
    ):
        obj.full_clean()
        obj.save()
    assert Target.objects.count() == 2
    assert Pagu.objects.count() == 2
