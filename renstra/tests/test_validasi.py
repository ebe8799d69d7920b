"""Rules the database cannot state, checked by model validation with a message that names the
field and the problem."""

from decimal import Decimal

import pytest

from renstra.models import Indikator, Kegiatan, Sasaran, SubKegiatan, Target, Tingkat

from .factories import (
    BidangFactory,
    IndikatorFactory,
    KegiatanFactory,
    PerangkatDaerahFactory,
    ProgramFactory,
    RenstraFactory,
    SasaranFactory,
    SubKegiatanFactory,
    TargetFactory,
    TujuanFactory,
    skala,
)
from .pemeriksa import pesan_validasi

pytestmark = pytest.mark.django_db


def test_sub_kegiatan_code_must_extend_its_kegiatan_code():
    """Seed 000 (Purwakarta), kegiatan B prints sub kegiatan 1.06.04.2.0001 under 1.06.04.2.01."""
    kegiatan = KegiatanFactory(program=ProgramFactory(kode="1.06.04"), kode="1.06.04.2.01")
    sub = SubKegiatan(kegiatan=kegiatan, kode="1.06.04.2.0001", uraian="Penyediaan Permakanan")
    assert pesan_validasi(sub) == (
        'Kode sub kegiatan "1.06.04.2.0001" tidak cocok dengan kegiatan "1.06.04.2.01": '
        "di bawah kegiatan itu kodenya harus berbentuk 1.06.04.2.01.NNNN."
    )


def test_sub_kegiatan_code_with_trailing_dot_is_rejected():
    """Seed 000, kegiatan C prints 1.06.04.2.02.11. (REFOCUSING row)."""
    kegiatan = KegiatanFactory(program=ProgramFactory(kode="1.06.04"), kode="1.06.04.2.02")
    sub = SubKegiatan(kegiatan=kegiatan, kode="1.06.04.2.02.11.", uraian="Pemberiaan Pelayanan Penelusuran Keluarga")
    assert '"1.06.04.2.02.11." tidak cocok dengan kegiatan "1.06.04.2.02"' in pesan_validasi(sub)


def test_kegiatan_code_must_extend_its_program_code():
    kegiatan = Kegiatan(program=ProgramFactory(kode="1.06.02"), kode="1.06.03.2.01", uraian="Pemulangan")
    assert 'Kode kegiatan "1.06.03.2.01" tidak cocok dengan program "1.06.02"' in pesan_validasi(kegiatan)


def test_sasaran_code_must_extend_its_tujuan_code():
    sasaran = Sasaran(tujuan=TujuanFactory(kode="2"), kode="1.1", uraian="Meningkatnya kesetaraan gender")
    assert 'Kode sasaran "1.1" tidak cocok dengan tujuan "2"' in pesan_validasi(sasaran)


def test_program_code_must_have_the_national_shape():
    program = ProgramFactory.build(renstra=RenstraFactory(), kode="1.6.2")
    assert pesan_validasi(program) == 'Kode program "1.6.2" tidak sesuai bentuk kode program (contoh: 1.06.02).'


def _indikator_ape():
    return IndikatorFactory(
        sasaran=SasaranFactory(), sub_kegiatan=None, jenis=Indikator.Jenis.KUALITATIF, skala_tingkat=skala("Anugerah")
    )


def test_ordinal_target_must_be_a_level_of_the_indicators_scale():
    indikator = _indikator_ape()
    nindya = Tingkat.objects.get(skala=skala("Kabupaten Layak"), nama="Nindya")
    target = Target(indikator=indikator, tahun=2026, tingkat=nindya)
    assert pesan_validasi(target) == (
        '"Nindya" bukan tingkatan indikator "Jumlah orang yang mendapatkan pelayanan kedaruratan" '
        "(pilihan: Pratama, Madya, Utama, Mentor)."
    )


def test_ordinal_target_may_be_any_level_of_its_scale():
    indikator = _indikator_ape()
    madya = Tingkat.objects.get(skala=indikator.skala_tingkat, nama="Madya")
    Target(indikator=indikator, tahun=2026, tingkat=madya).full_clean()


def test_ordinal_indicator_takes_a_level_not_a_number():
    target = Target(indikator=_indikator_ape(), tahun=2024, nilai=Decimal("2"))
    assert "kualitatif: pilih salah satu tingkatannya" in pesan_validasi(target)


def test_quantitative_indicator_takes_a_number_not_a_level():
    pratama = Tingkat.objects.get(skala=skala("Anugerah"), nama="Pratama")
    target = Target(indikator=IndikatorFactory(), tahun=2024, tingkat=pratama)
    assert "kuantitatif: isi angka, bukan tingkatan" in pesan_validasi(target)


def test_qualitative_indicator_needs_a_scale():
    indikator = IndikatorFactory.build(sub_kegiatan=SubKegiatanFactory(), jenis=Indikator.Jenis.KUALITATIF)
    assert pesan_validasi(indikator) == "Indikator kualitatif memerlukan skala tingkatan."


def test_quantitative_indicator_has_no_scale():
    indikator = IndikatorFactory.build(sub_kegiatan=SubKegiatanFactory(), skala_tingkat=skala("Anugerah"))
    assert pesan_validasi(indikator) == "Skala tingkatan hanya untuk indikator kualitatif."


def test_formula_indicator_needs_both_numerator_and_denominator():
    indikator = IndikatorFactory.build(sub_kegiatan=SubKegiatanFactory(), pembilang="Jumlah PMKS tertangani")
    assert pesan_validasi(indikator) == "Isi pembilang dan penyebut bersama-sama, atau kosongkan keduanya."


def test_indicator_of_a_sasaran_may_also_serve_only_its_own_tujuan():
    sasaran = SasaranFactory()
    lain = TujuanFactory(renstra=sasaran.tujuan.renstra)
    indikator = Indikator(sasaran=sasaran, tujuan=lain, uraian="Rasio kekerasan terhadap perempuan dan anak")
    assert pesan_validasi(indikator) == "Indikator sasaran hanya dapat sekaligus menjadi indikator tujuan induknya."


def test_indicator_serving_sasaran_and_its_tujuan_is_valid_and_belongs_to_their_renstra():
    sasaran = SasaranFactory()
    indikator = Indikator(sasaran=sasaran, tujuan=sasaran.tujuan, uraian="Rasio kekerasan terhadap perempuan dan anak")
    indikator.full_clean()
    indikator.save()
    assert indikator.renstra == sasaran.tujuan.renstra
    assert indikator.level == "sasaran"


def test_detail_row_sits_on_the_same_node_as_its_indicator():
    induk = IndikatorFactory()
    rincian = Indikator(sub_kegiatan=SubKegiatanFactory(), induk=induk, uraian="PBI APBN")
    assert pesan_validasi(rincian) == "Rincian harus berada pada simpul yang sama dengan indikator induknya."


def test_detail_row_has_no_detail_rows_of_its_own():
    induk = IndikatorFactory()
    rincian = IndikatorFactory(sub_kegiatan=induk.sub_kegiatan, induk=induk, uraian="PBI APBD")
    cucu = Indikator(sub_kegiatan=induk.sub_kegiatan, induk=rincian, uraian="SDM Operator Data")
    assert pesan_validasi(cucu) == "Rincian tidak boleh mempunyai rincian lagi."


def test_predecessor_indicator_comes_from_an_earlier_renstra_of_the_same_agency():
    lama = IndikatorFactory()
    baru = IndikatorFactory.build(sub_kegiatan=SubKegiatanFactory(), pendahulu=lama)
    assert pesan_validasi(baru) == "Pendahulu harus indikator Renstra sebelumnya dari perangkat daerah yang sama."


def test_indicator_is_not_its_own_predecessor():
    indikator = IndikatorFactory()
    indikator.pendahulu = indikator
    assert pesan_validasi(indikator) == "Pendahulu harus indikator Renstra sebelumnya dari perangkat daerah yang sama."


def test_program_supports_a_sasaran_of_its_own_renstra():
    program = ProgramFactory.build(renstra=RenstraFactory(), sasaran=SasaranFactory(), kode="1.06.04")
    assert pesan_validasi(program) == "Sasaran harus berasal dari Renstra yang sama dengan program."


@pytest.mark.parametrize("level", ["program", "kegiatan", "sub_kegiatan"])
def test_responsible_bidang_belongs_to_the_same_agency(level):
    opd = PerangkatDaerahFactory(nama="Dinas Sosial Kabupaten Belitung")
    program = ProgramFactory(renstra=RenstraFactory(opd=opd), kode="1.06.04")
    kegiatan = KegiatanFactory(program=program, kode="1.06.04.2.01")
    simpul = {"program": program, "kegiatan": kegiatan, "sub_kegiatan": SubKegiatanFactory(kegiatan=kegiatan)}[level]
    simpul.bidang = BidangFactory(opd=PerangkatDaerahFactory(), nama="Bidang Perlindungan Anak")
    assert (
        pesan_validasi(simpul) == 'Bidang "Bidang Perlindungan Anak" bukan bagian dari Dinas Sosial Kabupaten Belitung.'
    )


def test_target_year_message_names_year_and_period():
    target = TargetFactory.build(indikator=IndikatorFactory(), tahun=2027)
    assert pesan_validasi(target) == "Tahun 2027 di luar periode Renstra 2024–2026."
