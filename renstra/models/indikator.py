"""What is measured at each node of the plan, and the targets it is measured against."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from renstra import kode as kode_rules

from .periode import cek_tahun, cek_triwulan
from .rencana import Kegiatan, Program, Renstra, Sasaran, SubKegiatan, Tujuan, periksa_tahun_dalam_periode

ANGKA = {"max_digits": 15, "decimal_places": 4}


class SkalaTingkat(models.Model):
    """An ordered set of levels for a qualitative indicator, e.g. the Anugerah Parahita Ekapraya
    (Pratama < Madya < Utama < Mentor) or the Kabupaten Layak Anak predicate."""

    nama = models.CharField(
        "nama", max_length=200, unique=True, error_messages={"unique": "Nama skala tingkatan ini sudah dipakai."}
    )
    keterangan = models.TextField("keterangan", blank=True)

    class Meta:
        verbose_name = "skala tingkatan"
        verbose_name_plural = "skala tingkatan"
        ordering = ["nama"]

    def __str__(self):
        return self.nama


class Tingkat(models.Model):
    skala = models.ForeignKey(SkalaTingkat, verbose_name="skala", on_delete=models.CASCADE, related_name="tingkat")
    urutan = models.PositiveSmallIntegerField("urutan", help_text="1 untuk tingkatan terendah.")
    nama = models.CharField("nama", max_length=100)

    class Meta:
        verbose_name = "tingkatan"
        verbose_name_plural = "tingkatan"
        ordering = ["skala_id", "urutan"]
        constraints = [
            models.UniqueConstraint(
                fields=["skala", "urutan"],
                name="tingkat_urutan_unik",
                violation_error_message="Urutan ini sudah dipakai dalam skala yang sama.",
            ),
            models.UniqueConstraint(
                fields=["skala", "nama"],
                name="tingkat_nama_unik",
                violation_error_message="Nama tingkatan ini sudah ada dalam skala yang sama.",
            ),
            models.CheckConstraint(
                condition=Q(urutan__gte=1),
                name="tingkat_urutan_mulai_satu",
                violation_error_message="Urutan tingkatan dimulai dari 1.",
            ),
        ]

    def __str__(self):
        return self.nama


def kunci_satuan(satuan):
    """A unit as it is compared: case and blanks do not count ("Orang / Jiwa" is "orang/jiwa")."""
    return "".join((satuan or "").split()).casefold()


class SatuanCacah(models.Model):
    """A unit of things counted one by one (orang, dokumen, laporan…): a realisation in it is a
    whole number, unless its indicator allows fractions (Indikator.boleh_pecahan). The list is
    data: migration 0007 seeds the count units of the seeds and the demo, the admin adds more."""

    nama = models.CharField("nama satuan", max_length=100, help_text="Mis. Orang, Dokumen, Laporan.")
    kunci = models.CharField("kunci pembanding", max_length=100, editable=False)

    class Meta:
        verbose_name = "satuan cacah"
        verbose_name_plural = "satuan cacah"
        ordering = ["nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["kunci"],
                name="satuan_cacah_unik",
                violation_error_message="Satuan ini sudah ada dalam daftar.",
            ),
        ]

    def __str__(self):
        return self.nama

    def save(self, *args, **kwargs):
        self.kunci = kunci_satuan(self.nama)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.nama = " ".join(self.nama.split())
        self.kunci = kunci_satuan(self.nama)
        if not self.kunci:
            raise ValidationError({"nama": "Isi nama satuannya."})
        if SatuanCacah.objects.filter(kunci=self.kunci).exclude(pk=self.pk).exists():
            raise ValidationError({"nama": "Satuan ini sudah ada dalam daftar."})

    @classmethod
    def mencakup(cls, satuan):
        """True when `satuan` is a count unit of the list, whatever its case and blanks."""
        kunci = kunci_satuan(satuan)
        return bool(kunci) and cls.objects.filter(kunci=kunci).exists()


def _hanya(*fields):
    """Q that exactly the owner fields named are set and the others empty."""
    semua = ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")
    return Q(**{f"{f}__isnull": f not in fields for f in semua})


class Indikator(models.Model):
    """An indicator of a tujuan, sasaran, program, kegiatan or sub kegiatan.

    Exactly one node owns it, except that a sasaran's indicator may also serve its tujuan (the
    Belitung LKjIP measures tujuan 3 and sasaran 3 with the same "Rasio kekerasan terhadap
    perempuan dan anak"): it is then stored once with both set, and counted once.
    """

    class Jenis(models.TextChoices):
        KUANTITATIF = "kuantitatif", "Kuantitatif"
        KUALITATIF = "kualitatif", "Kualitatif (tingkatan)"

    class Arah(models.TextChoices):
        POSITIF = "positif", "Positif (makin tinggi makin baik)"
        NEGATIF = "negatif", "Negatif (makin rendah makin baik)"

    class MetodeNegatif(models.TextChoices):
        TARGET_PER_REALISASI = "target_per_realisasi", "Target / realisasi × 100"
        DUA_KALI_TARGET = "dua_kali_target", "(2 × target − realisasi) / target × 100"

    class CaraTahunan(models.TextChoices):
        KUMULATIF = "kumulatif", "Kumulatif (jumlah triwulan)"
        AKHIR_PERIODE = "akhir_periode", "Akhir periode (triwulan terakhir yang dilaporkan)"
        RATA_RATA = "rata_rata", "Rata-rata triwulan yang dilaporkan"

    class Frekuensi(models.TextChoices):
        TRIWULANAN = "triwulanan", "Triwulanan"
        TAHUNAN = "tahunan", "Tahunan (diukur sekali setahun)"

    renstra = models.ForeignKey(
        Renstra, verbose_name="Renstra", on_delete=models.CASCADE, related_name="indikator", editable=False
    )
    tujuan = models.ForeignKey(
        Tujuan, verbose_name="tujuan", null=True, blank=True, on_delete=models.CASCADE, related_name="indikator"
    )
    sasaran = models.ForeignKey(
        Sasaran, verbose_name="sasaran", null=True, blank=True, on_delete=models.CASCADE, related_name="indikator"
    )
    program = models.ForeignKey(
        Program, verbose_name="program", null=True, blank=True, on_delete=models.CASCADE, related_name="indikator"
    )
    kegiatan = models.ForeignKey(
        Kegiatan, verbose_name="kegiatan", null=True, blank=True, on_delete=models.CASCADE, related_name="indikator"
    )
    sub_kegiatan = models.ForeignKey(
        SubKegiatan,
        verbose_name="sub kegiatan",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indikator",
    )
    induk = models.ForeignKey(
        "self",
        verbose_name="rincian dari",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="rincian",
        help_text="Isi bila indikator ini rincian yang dilaporkan di bawah indikator lain; "
        "rincian tidak dihitung dalam rata-rata.",
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    uraian = models.TextField("uraian")
    satuan = models.CharField("satuan", max_length=100, blank=True)
    boleh_pecahan = models.BooleanField(
        "boleh pecahan",
        default=False,
        help_text="Centang bila realisasi indikator bersatuan cacah (orang, dokumen, …) memang dapat berupa "
        "pecahan, mis. rata-rata orang per kegiatan.",
    )
    jenis = models.CharField("jenis", max_length=20, choices=Jenis.choices, default=Jenis.KUANTITATIF)
    skala_tingkat = models.ForeignKey(
        SkalaTingkat,
        verbose_name="skala tingkatan",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indikator",
        help_text="Wajib untuk indikator kualitatif.",
    )
    arah = models.CharField("arah", max_length=10, choices=Arah.choices, default=Arah.POSITIF)
    metode_negatif = models.CharField(
        "metode capaian indikator negatif",
        max_length=30,
        choices=MetodeNegatif.choices,
        default=MetodeNegatif.TARGET_PER_REALISASI,
    )
    cara_tahunan = models.CharField(
        "nilai tahunan dari triwulan",
        max_length=20,
        choices=CaraTahunan.choices,
        default=CaraTahunan.KUMULATIF,
    )
    frekuensi = models.CharField(
        "frekuensi pengukuran",
        max_length=20,
        choices=Frekuensi.choices,
        default=Frekuensi.TRIWULANAN,
        help_text="Indikator tahunan hanya diisi ketika tahunnya selesai (bersama Triwulan IV) dan "
        "ditampilkan sebagai realisasi tahunan, bukan triwulan IV.",
    )
    rumusan = models.TextField("rumusan", blank=True, help_text="Mis. Jumlah PMKS tertangani / Jumlah PMKS × 100%.")
    pembilang = models.CharField(
        "pembilang", max_length=255, blank=True, help_text="Isi bila operator memasukkan pembilang dan penyebut."
    )
    penyebut = models.CharField("penyebut", max_length=255, blank=True)
    pengali = models.DecimalField(
        "pengali", **ANGKA, default=Decimal("100"), help_text="100 untuk persen, 10000 untuk rasio per 10.000."
    )
    kondisi_awal = models.DecimalField("kondisi awal", **ANGKA, null=True, blank=True)
    kondisi_awal_teks = models.CharField(
        "kondisi awal (teks)", max_length=100, blank=True, help_text="Bila bukan angka, mis. BB (71,30) atau Pratama."
    )
    definisi_operasional = models.TextField(
        "definisi operasional",
        blank=True,
        help_text="Apa yang diukur dan batasannya, sebagaimana dicetak Manual IKU.",
    )
    sumber_data = models.TextField("sumber data", blank=True)
    iku = models.BooleanField("IKU", default=False, help_text="Indikator Kinerja Utama.")
    ikk = models.BooleanField("IKK", default=False, help_text="Indikator Kinerja Kunci.")
    spm = models.BooleanField("SPM", default=False, help_text="Indikator Standar Pelayanan Minimal.")
    nol_dari_nol_tercapai = models.BooleanField(
        "0 dari 0 dihitung 100%",
        default=False,
        help_text="Untuk indikator SPM: bila tidak ada yang membutuhkan layanan, capaian dihitung 100%.",
    )
    pendahulu = models.ForeignKey(
        "self",
        verbose_name="indikator yang sama pada Renstra sebelumnya",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="penerus",
    )
    keterangan = models.TextField("keterangan", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "indikator"
        verbose_name_plural = "indikator"
        ordering = ["renstra_id", "urutan", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    _hanya("tujuan")
                    | _hanya("sasaran")
                    | _hanya("tujuan", "sasaran")
                    | _hanya("program")
                    | _hanya("kegiatan")
                    | _hanya("sub_kegiatan")
                ),
                name="indikator_satu_pemilik",
                violation_error_message="Indikator harus milik tepat satu tujuan, sasaran, program, "
                "kegiatan atau sub kegiatan.",
            ),
            models.CheckConstraint(
                condition=~Q(pengali=0),
                name="indikator_pengali_bukan_nol",
                violation_error_message="Pengali tidak boleh nol.",
            ),
        ]

    def __str__(self):
        return self.uraian

    def save(self, *args, **kwargs):
        renstra = self._renstra_pemilik()
        if renstra is not None:
            self.renstra = renstra
        super().save(*args, **kwargs)

    @property
    def tahunan(self):
        """Measured once a year: its realisation is kept with the year's last quarter (the
        quarter that closes the year) and every page shows it as the year's, never as TW IV."""
        return self.frekuensi == self.Frekuensi.TAHUNAN

    @property
    def pemilik(self):
        """The node whose indicator this is (the sasaran when it serves a tujuan as well)."""
        return self.sub_kegiatan or self.kegiatan or self.program or self.sasaran or self.tujuan

    @property
    def level(self):
        for field in ("sub_kegiatan", "kegiatan", "program", "sasaran", "tujuan"):
            if getattr(self, f"{field}_id"):
                return field
        return None

    @property
    def nama_level(self):
        return kode_rules.NAMA_LEVEL.get(self.level, "")

    @property
    def berumus(self):
        """True when operators enter a numerator and a denominator instead of the value."""
        return bool(self.pembilang and self.penyebut)

    @property
    def dihitung_utuh(self):
        """True when a realisation of this indicator is a whole number: a quantity typed as such
        (not a level, not computed from a formula) in a count unit, without leave for fractions."""
        if self.boleh_pecahan or self.berumus or self.jenis != self.Jenis.KUANTITATIF:
            return False
        tersimpan = getattr(self, "_cacah", None)
        if tersimpan is None or tersimpan[0] != self.satuan:
            tersimpan = self._cacah = (self.satuan, SatuanCacah.mencakup(self.satuan))
        return tersimpan[1]

    def pesan_pecahan(self, nilai, format_angka):
        """Why `nilai` cannot be this indicator's realisation, when it is a fraction of a count
        ("Satuan Dokumen dihitung utuh: tulis 12, bukan 12,34."); None when it can.
        `format_angka(x, desimal)` writes numbers the Indonesian way (kinerja.rules.format_angka:
        the plan imports nothing of the measurement app)."""
        if nilai is None or nilai == nilai.to_integral_value() or not self.dihitung_utuh:
            return None
        utuh = nilai.to_integral_value(rounding=ROUND_HALF_UP)
        return f"Satuan {self.satuan} dihitung utuh: tulis {format_angka(utuh, 0)}, bukan {format_angka(nilai, None)}."

    @property
    def dipotong_refocusing(self):
        """Under a sub kegiatan cut by budget refocusing: neither asked for nor averaged."""
        return bool(self.sub_kegiatan_id and self.sub_kegiatan.refocusing)

    def _renstra_pemilik(self):
        pemilik = self.pemilik
        if pemilik is None:
            return None
        if isinstance(pemilik, (Tujuan, Program)):
            return pemilik.renstra
        if isinstance(pemilik, Sasaran):
            return pemilik.tujuan.renstra
        if isinstance(pemilik, Kegiatan):
            return pemilik.program.renstra
        return pemilik.kegiatan.program.renstra

    def clean_fields(self, exclude=None):
        # `renstra` follows from the owner (see save); it is not the user's to fill in.
        super().clean_fields(exclude={*(exclude or ()), "renstra"})

    def clean(self):
        super().clean()
        errors = {}
        if self.tujuan_id and self.sasaran_id and self.sasaran.tujuan_id != self.tujuan_id:
            errors["tujuan"] = "Indikator sasaran hanya dapat sekaligus menjadi indikator tujuan induknya."
        if self.jenis == self.Jenis.KUALITATIF and not self.skala_tingkat_id:
            errors["skala_tingkat"] = "Indikator kualitatif memerlukan skala tingkatan."
        if self.jenis == self.Jenis.KUANTITATIF and self.skala_tingkat_id:
            errors["skala_tingkat"] = "Skala tingkatan hanya untuk indikator kualitatif."
        if bool(self.pembilang) != bool(self.penyebut):
            errors["penyebut"] = "Isi pembilang dan penyebut bersama-sama, atau kosongkan keduanya."
        if self.induk_id:
            if self.induk.induk_id:
                errors["induk"] = "Rincian tidak boleh mempunyai rincian lagi."
            elif self.induk.pemilik != self.pemilik:
                errors["induk"] = "Rincian harus berada pada simpul yang sama dengan indikator induknya."
        if self.pendahulu_id:
            renstra = self._renstra_pemilik()
            if renstra and (
                self.pendahulu.renstra_id == renstra.pk
                or self.pendahulu.renstra.opd_id != renstra.opd_id
                or self.pendahulu.renstra.tahun_awal > renstra.tahun_awal
            ):
                errors["pendahulu"] = "Pendahulu harus indikator Renstra sebelumnya dari perangkat daerah yang sama."
        if errors:
            raise ValidationError(errors)


class Target(models.Model):
    """The value an indicator should reach in a year (or a quarter): a number, a band
    (batas bawah – batas atas, inside which it is fully achieved) or a level of its scale."""

    class Jenis(models.TextChoices):
        RENSTRA = "renstra", "Renstra"
        PK = "pk", "Perjanjian Kinerja"
        PK_PERUBAHAN = "pk_perubahan", "Perjanjian Kinerja Perubahan"

    indikator = models.ForeignKey(Indikator, verbose_name="indikator", on_delete=models.CASCADE, related_name="target")
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField(
        "triwulan", null=True, blank=True, help_text="Kosongkan untuk target tahunan."
    )
    jenis = models.CharField("jenis target", max_length=20, choices=Jenis.choices, default=Jenis.RENSTRA)
    nilai = models.DecimalField("nilai", **ANGKA, null=True, blank=True)
    batas_bawah = models.DecimalField("batas bawah", **ANGKA, null=True, blank=True)
    batas_atas = models.DecimalField("batas atas", **ANGKA, null=True, blank=True)
    tingkat = models.ForeignKey(
        Tingkat, verbose_name="tingkatan", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    teks = models.CharField(
        "tertulis", max_length=100, blank=True, help_text="Bentuk tertulis di dokumen bila berbeda, mis. BB (73,00)."
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "target"
        verbose_name_plural = "target"
        ordering = ["indikator_id", "tahun", "jenis", "triwulan"]
        constraints = [
            cek_tahun("target_tahun_wajar"),
            cek_triwulan("target_triwulan_1_4", wajib=False),
            models.CheckConstraint(
                condition=(
                    Q(nilai__isnull=False, batas_bawah__isnull=True, batas_atas__isnull=True, tingkat__isnull=True)
                    | Q(nilai__isnull=True, batas_bawah__isnull=False, batas_atas__isnull=False, tingkat__isnull=True)
                    | Q(nilai__isnull=True, batas_bawah__isnull=True, batas_atas__isnull=True, tingkat__isnull=False)
                ),
                name="target_satu_bentuk",
                violation_error_message="Isi tepat satu bentuk target: nilai, rentang (batas bawah dan atas) "
                "atau tingkatan.",
            ),
            models.CheckConstraint(
                condition=Q(batas_bawah__isnull=True) | Q(batas_bawah__lte=models.F("batas_atas")),
                name="target_rentang_berurutan",
                violation_error_message="Batas bawah rentang tidak boleh melebihi batas atasnya.",
            ),
            models.UniqueConstraint(
                fields=["indikator", "tahun", "jenis"],
                condition=Q(triwulan__isnull=True),
                name="target_tahunan_unik",
                violation_error_message="Indikator ini sudah mempunyai target tahunan jenis itu untuk tahun itu.",
            ),
            models.UniqueConstraint(
                fields=["indikator", "tahun", "jenis", "triwulan"],
                condition=Q(triwulan__isnull=False),
                name="target_triwulan_unik",
                violation_error_message="Indikator ini sudah mempunyai target jenis itu untuk triwulan itu.",
            ),
        ]

    def __str__(self):
        waktu = f"{self.tahun}" + (f" TW {self.triwulan}" if self.triwulan else "")
        return f"{self.get_jenis_display()} {waktu}: {self.tertulis()}"

    def tertulis(self, format_angka=lambda d: f"{d.normalize():f}"):
        """The target as the documents print it; `format_angka` formats numbers (plain by
        default, the Indonesian way from templates)."""
        if self.teks:
            return self.teks
        if self.tingkat_id:
            return self.tingkat.nama
        if self.batas_bawah is not None:
            return f"{format_angka(self.batas_bawah)}–{format_angka(self.batas_atas)}"
        return format_angka(self.nilai) if self.nilai is not None else ""

    def clean(self):
        super().clean()
        if not self.indikator_id:
            return
        indikator = self.indikator
        periksa_tahun_dalam_periode(indikator.renstra, self.tahun)
        periksa_tingkat_sesuai_indikator(indikator, self.tingkat, self.nilai, ada_rentang=self.batas_bawah is not None)


def periksa_tingkat_sesuai_indikator(indikator, tingkat, nilai, ada_rentang=False):
    """A qualitative indicator takes a level of its own scale; a quantitative one a number."""
    if indikator.jenis == Indikator.Jenis.KUALITATIF:
        if tingkat is None:
            raise ValidationError({"tingkat": f'Indikator "{indikator}" kualitatif: pilih salah satu tingkatannya.'})
        if tingkat.skala_id != indikator.skala_tingkat_id:
            pilihan = ", ".join(t.nama for t in indikator.skala_tingkat.tingkat.all())
            raise ValidationError(
                {"tingkat": f'"{tingkat}" bukan tingkatan indikator "{indikator}" (pilihan: {pilihan}).'}
            )
        if nilai is not None or ada_rentang:
            raise ValidationError({"nilai": "Indikator kualitatif diisi dengan tingkatan, bukan angka."})
    elif tingkat is not None:
        raise ValidationError({"tingkat": f'Indikator "{indikator}" kuantitatif: isi angka, bukan tingkatan.'})
