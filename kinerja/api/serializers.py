"""What the API returns: agencies, the Renstra tree with its indicators and targets, and the
quarterly rows. Numbers are Decimals written as strings ("8126.00"), never floats; a
qualitative indicator's values are the names of its levels.

The serializers' docstrings are in Indonesian: drf-spectacular prints them in the schema that
the consumers' developers read (/api/v1/skema/)."""

from decimal import Decimal

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kinerja import rules
from kinerja.models import Pelaporan
from renstra.models import Indikator, PerangkatDaerah, Renstra, Target


@extend_schema_field({"type": "string", "nullable": True, "example": "8126.00"})
class NilaiField(serializers.Field):
    """A measured value: a Decimal as a string without exponent, a level's name, or null."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, nilai):
        if isinstance(nilai, Decimal):
            return format(nilai, "f")
        return str(nilai)


@extend_schema_field({"type": "string", "nullable": True, "example": "97.62"})
class CapaianField(NilaiField):
    """A capaian (%) as the reports write it: two places, rounded by KINERJA_PEMBULATAN."""

    def to_representation(self, nilai):
        return super().to_representation(rules.bulatkan_tampil(nilai, 2))


class PerangkatDaerahSerializer(serializers.ModelSerializer):
    class Meta:
        model = PerangkatDaerah
        fields = ["kode", "nama", "singkatan", "kota", "wilayah", "pelaporan_per_bidang"]


class TargetSerializer(serializers.ModelSerializer):
    """Target: satu nilai, rentang (batas_bawah–batas_atas) atau tingkatan (indikator kualitatif)."""

    nilai = NilaiField(allow_null=True)
    batas_bawah = NilaiField(allow_null=True)
    batas_atas = NilaiField(allow_null=True)
    tingkat = serializers.SerializerMethodField()

    class Meta:
        model = Target
        fields = ["tahun", "jenis", "nilai", "batas_bawah", "batas_atas", "tingkat", "teks"]

    @extend_schema_field(OpenApiTypes.STR)
    def get_tingkat(self, target):
        return target.tingkat.nama if target.tingkat_id else None


class IndikatorSerializer(serializers.ModelSerializer):
    """Indikator dengan target Renstra tiap tahun periode dan target tahun yang diminta."""

    target_renstra = serializers.SerializerMethodField(help_text="Target Renstra tiap tahun periode.")
    target_tahun = serializers.SerializerMethodField(
        help_text="Target tahun yang diminta per jenis (Renstra, PK, PK perubahan)."
    )
    target_berlaku = serializers.SerializerMethodField(
        help_text="Target yang dipakai mengukur tahun itu: PK perubahan, bila tidak ada PK, bila tidak ada Renstra."
    )
    rincian = serializers.SerializerMethodField(help_text="Baris rincian di bawah indikator (tidak ikut dirata-rata).")

    class Meta:
        model = Indikator
        fields = [
            "id",
            "uraian",
            "satuan",
            "jenis",
            "arah",
            "cara_tahunan",
            "frekuensi",
            "rumusan",
            "iku",
            "ikk",
            "spm",
            "target_renstra",
            "target_tahun",
            "target_berlaku",
            "rincian",
        ]

    def _kinerja(self, indikator):
        return self.context["kinerja"][indikator.pk]

    @extend_schema_field(TargetSerializer(many=True))
    def get_target_renstra(self, indikator):
        return TargetSerializer([t for t in indikator.target_per_tahun if t is not None], many=True).data

    @extend_schema_field(TargetSerializer(many=True))
    def get_target_tahun(self, indikator):
        return TargetSerializer(list(self._kinerja(indikator).target_jenis.values()), many=True).data

    @extend_schema_field(TargetSerializer(allow_null=True))
    def get_target_berlaku(self, indikator):
        target = self._kinerja(indikator).target
        return TargetSerializer(target).data if target is not None else None

    @extend_schema_field(serializers.ListField(child=serializers.DictField()))
    def get_rincian(self, indikator):
        return IndikatorSerializer(indikator.daftar_rincian, many=True, context=self.context).data


class SubKegiatanSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    kode = serializers.CharField(read_only=True)
    uraian = serializers.CharField(read_only=True)
    refocusing = serializers.BooleanField(read_only=True)
    indikator = IndikatorSerializer(source="daftar_indikator", many=True, read_only=True)


class SimpulSerializer(serializers.Serializer):
    """What every node of the tree carries: its id, code, name and own indicators."""

    id = serializers.IntegerField(read_only=True)
    kode = serializers.CharField(read_only=True)
    uraian = serializers.CharField(read_only=True)
    indikator = IndikatorSerializer(source="daftar_indikator", many=True, read_only=True)


class KegiatanSerializer(SimpulSerializer):
    sub_kegiatan = SubKegiatanSerializer(source="daftar_sub_kegiatan", many=True, read_only=True)


class ProgramSerializer(SimpulSerializer):
    kegiatan = KegiatanSerializer(source="daftar_kegiatan", many=True, read_only=True)


class SasaranSerializer(SimpulSerializer):
    program = ProgramSerializer(source="daftar_program", many=True, read_only=True)


class TujuanSerializer(SimpulSerializer):
    sasaran = SasaranSerializer(source="daftar_sasaran", many=True, read_only=True)


class RenstraSerializer(serializers.ModelSerializer):
    class Meta:
        model = Renstra
        fields = ["id", "tahun_awal", "tahun_akhir", "revisi", "nomor_dokumen"]


class PohonSerializer(serializers.Serializer):
    """Renstra yang berlaku pada `tahun` dengan simpul yang berlaku tahun itu; program tanpa
    sasaran ada di `program_lain`."""

    tahun = serializers.IntegerField(read_only=True)
    renstra = RenstraSerializer(source="pohon.renstra", read_only=True)
    tujuan = TujuanSerializer(source="pohon.tujuan", many=True, read_only=True)
    program_lain = ProgramSerializer(source="pohon.program_lain", many=True, read_only=True)


class BarisRealisasiSerializer(serializers.Serializer):
    """Satu indikator pada satu triwulan. `nilai`: nilai triwulan itu; `nilai_sampai`: nilai tahun
    s.d. triwulan itu (menurut cara_tahunan indikator); `capaian`: persentase `nilai_sampai`
    terhadap `target` (null, dengan `alasan`, bila tidak terhitung); `status`: status pelaporan
    unit indikator itu pada triwulan itu (null: belum ada)."""

    indikator = serializers.IntegerField(source="indikator.pk", read_only=True)
    induk = serializers.IntegerField(source="indikator.induk_id", read_only=True, allow_null=True)
    level = serializers.CharField(source="indikator.level", read_only=True)
    uraian = serializers.CharField(source="indikator.uraian", read_only=True)
    satuan = serializers.CharField(source="indikator.satuan", read_only=True)
    triwulan = serializers.IntegerField(read_only=True)
    diukur = serializers.BooleanField(
        read_only=True, help_text="Salah bila indikator diukur tahunan dan triwulan ini bukan triwulan IV."
    )
    nilai = NilaiField(allow_null=True)
    nilai_sampai = NilaiField(allow_null=True)
    target = TargetSerializer(source="kinerja.target", read_only=True, allow_null=True)
    capaian = CapaianField(source="capaian.nilai", allow_null=True)
    alasan = serializers.SerializerMethodField()
    status = serializers.ChoiceField(
        source="pelaporan.status", choices=Pelaporan.Status.choices, read_only=True, allow_null=True
    )
    bidang = serializers.CharField(source="pelaporan.bidang.nama", read_only=True, allow_null=True)

    @extend_schema_field({"type": "string", "nullable": True})
    def get_alasan(self, baris):
        hasil = baris.capaian
        return str(hasil.alasan) if hasil.nilai is None and hasil.alasan is not None else None
