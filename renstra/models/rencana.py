"""The strategic plan of an agency and its hierarchy: tujuan → sasaran → program → kegiatan →
sub kegiatan (Permendagri 86/2017; nomenclature of Permendagri 90/2019 and its updates)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from renstra import kode as kode_rules
from renstra.querysets import KegiatanQuerySet, ProgramQuerySet, RenstraQuerySet, SubKegiatanQuerySet

from .daerah import TujuanDaerah
from .opd import Bidang, PerangkatDaerah, periksa_bidang_milik_opd
from .periode import cek_tahun

# Six years: RPJMD terms of six years (2016–2021) and Renstra that follow them; transitional plans
# (2024–2026) are shorter. One to six years are accepted.
LAMA_PERIODE_MAKS = 6
_NAMA_REVISI = {1: "Pertama", 2: "Kedua", 3: "Ketiga", 4: "Keempat", 5: "Kelima"}


class Renstra(models.Model):
    """A Renstra of one agency for one period; each revision (Perubahan Renstra) is a row of its
    own that points to the one it replaces, so that the history of the plan is kept."""

    opd = models.ForeignKey(
        PerangkatDaerah, verbose_name="perangkat daerah", on_delete=models.PROTECT, related_name="renstra"
    )
    tahun_awal = models.PositiveSmallIntegerField("tahun awal")
    tahun_akhir = models.PositiveSmallIntegerField("tahun akhir")
    revisi = models.PositiveSmallIntegerField(
        "revisi", default=0, help_text="0 untuk dokumen awal, 1 untuk Perubahan Pertama, dan seterusnya."
    )
    mengganti = models.ForeignKey(
        "self",
        verbose_name="mengganti",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="diganti_oleh",
        help_text="Renstra yang direvisi oleh dokumen ini.",
    )
    aktif = models.BooleanField(
        "aktif", default=True, help_text="Dokumen yang berlaku untuk periodenya; revisi lama tidak aktif."
    )
    nomor_dokumen = models.CharField("nomor dokumen penetapan", max_length=255, blank=True)
    tanggal_penetapan = models.DateField("tanggal penetapan", null=True, blank=True)
    visi = models.TextField("visi", blank=True)
    misi = models.TextField("misi", blank=True)

    objects = RenstraQuerySet.as_manager()

    class Meta:
        verbose_name = "Renstra"
        verbose_name_plural = "Renstra"
        ordering = ["opd_id", "-tahun_awal", "-revisi"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tahun_akhir__gte=F("tahun_awal")),
                name="renstra_periode_berurutan",
                violation_error_message="Tahun akhir Renstra tidak boleh sebelum tahun awalnya.",
            ),
            models.CheckConstraint(
                condition=Q(tahun_akhir__lte=F("tahun_awal") + (LAMA_PERIODE_MAKS - 1)),
                name="renstra_periode_paling_lama",
                violation_error_message=f"Periode Renstra paling lama {LAMA_PERIODE_MAKS} tahun.",
            ),
            cek_tahun("renstra_tahun_awal_wajar", "tahun_awal"),
            models.UniqueConstraint(
                fields=["opd", "tahun_awal", "revisi"],
                name="renstra_revisi_unik",
                violation_error_message="Revisi Renstra ini sudah ada untuk perangkat daerah dan periode itu.",
            ),
            models.UniqueConstraint(
                fields=["opd", "tahun_awal"],
                condition=Q(aktif=True),
                name="renstra_satu_aktif_per_periode",
                violation_error_message="Sudah ada Renstra aktif untuk perangkat daerah dan periode itu.",
            ),
        ]

    def __str__(self):
        teks = f"Renstra {self.opd.singkatan or self.opd.nama} {self.periode}"
        return f"{teks} ({self.nama_revisi})" if self.revisi else teks

    @property
    def periode(self):
        return f"{self.tahun_awal}–{self.tahun_akhir}"

    @property
    def nama_revisi(self):
        if not self.revisi:
            return "Dokumen awal"
        return f"Perubahan {_NAMA_REVISI.get(self.revisi, f'ke-{self.revisi}')}"

    @property
    def daftar_tahun(self):
        return list(range(self.tahun_awal, self.tahun_akhir + 1))

    def mencakup(self, tahun):
        return tahun is not None and self.tahun_awal <= tahun <= self.tahun_akhir

    def clean(self):
        super().clean()
        if not self.pk or self.tahun_awal is None or self.tahun_akhir is None:
            return
        # Imported here: those modules import this one.
        from .anggaran import Pagu
        from .indikator import Target

        di_luar = ~Q(tahun__gte=self.tahun_awal, tahun__lte=self.tahun_akhir)
        tahun = sorted(
            {
                *Target.objects.filter(di_luar, indikator__renstra=self).values_list("tahun", flat=True),
                *Pagu.objects.filter(di_luar, sub_kegiatan__kegiatan__program__renstra=self).values_list(
                    "tahun", flat=True
                ),
            }
        )
        if tahun:
            daftar = ", ".join(str(t) for t in tahun)
            raise ValidationError(
                f"Renstra ini masih mempunyai target atau pagu tahun {daftar}, di luar periode "
                f"{self.tahun_awal}–{self.tahun_akhir}. Pindahkan atau hapus dulu data itu."
            )


def periksa_tahun_dalam_periode(renstra, tahun, field="tahun"):
    """Raise unless `tahun` lies inside the Renstra's period (the database checks it too)."""
    if renstra is not None and tahun is not None and not renstra.mencakup(tahun):
        raise ValidationError(
            {field: f"Tahun {tahun} di luar periode Renstra {renstra.periode}."}, code="di_luar_periode"
        )


class Simpul(models.Model):
    """A node of the hierarchy: a code, a description and, below it, indicators."""

    LEVEL = None

    kode = models.CharField(
        "kode",
        max_length=40,
        blank=True,
        help_text="Kosongkan bila dokumennya tidak mencantumkan kode (nomenklatur sebelum 2021); "
        'baris ditampilkan sebagai "tanpa kode" dan dapat diberi kode kemudian.',
    )
    uraian = models.TextField("uraian")

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.kode_tampil} {self.uraian}"

    @property
    def kode_tampil(self):
        """The code as pages print it: "tanpa kode" for a row whose document prints none."""
        return self.kode or kode_rules.TANPA_KODE

    def kode_induk(self):
        """The parent's code when this level's code must extend it, else None."""
        return None

    def clean(self):
        super().clean()
        if not self.kode:
            return
        masalah = kode_rules.periksa_kode(self.LEVEL, self.kode, self.kode_induk() or None)
        if masalah:
            raise ValidationError({"kode": masalah})


def kode_unik(fields, name, pesan):
    """Codes are unique among their siblings; rows without a code (tanpa kode) are keyed by the
    importers on their uraian instead."""
    return models.UniqueConstraint(fields=fields, condition=~Q(kode=""), name=name, violation_error_message=pesan)


class Berlaku(models.Model):
    """The years a program, kegiatan or sub kegiatan is in force, and the node of the older
    nomenclature it replaces (Permendagri 13/2006 → 90/2019 → Kepmendagri 050-5889/2021 and
    its yearly updates), so that multi-year tables follow it across the change."""

    tahun_mulai = models.PositiveSmallIntegerField(
        "berlaku mulai tahun", null=True, blank=True, help_text="Kosongkan bila berlaku sejak awal periode Renstra."
    )
    tahun_selesai = models.PositiveSmallIntegerField(
        "berlaku sampai tahun", null=True, blank=True, help_text="Kosongkan bila berlaku sampai akhir periode Renstra."
    )

    class Meta:
        abstract = True

    def berlaku_pada(self, tahun):
        """Whether the node is in force in `tahun` (a year's reports and PK list only those)."""
        return (self.tahun_mulai is None or self.tahun_mulai <= tahun) and (
            self.tahun_selesai is None or tahun <= self.tahun_selesai
        )

    def clean(self):
        super().clean()
        if self.tahun_mulai and self.tahun_selesai and self.tahun_selesai < self.tahun_mulai:
            raise ValidationError({"tahun_selesai": "Tahun akhir berlaku tidak boleh sebelum tahun mulai berlaku."})


def berlaku_pada(tahun, awalan=""):
    """A filter keeping the nodes in force in `tahun`; `awalan` reaches them through a relation."""
    return (Q(**{f"{awalan}tahun_mulai__isnull": True}) | Q(**{f"{awalan}tahun_mulai__lte": tahun})) & (
        Q(**{f"{awalan}tahun_selesai__isnull": True}) | Q(**{f"{awalan}tahun_selesai__gte": tahun})
    )


def _pendahulu(model, nama):
    return models.ForeignKey(
        model,
        verbose_name=f"{nama} yang digantikan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="penerus",
        help_text=f"{nama.capitalize()} nomenklatur lama yang digantikan oleh {nama} ini; tabel beberapa tahun "
        "menyambungkan keduanya.",
    )


class Tujuan(Simpul):
    LEVEL = kode_rules.TUJUAN

    renstra = models.ForeignKey(Renstra, verbose_name="Renstra", on_delete=models.CASCADE, related_name="tujuan")
    tujuan_daerah = models.ManyToManyField(
        TujuanDaerah,
        verbose_name="tujuan RPJMD/RPD yang didukung",
        blank=True,
        related_name="tujuan_opd",
        help_text="Tujuan daerah di wilayah perangkat daerah ini yang diwujudkan oleh tujuan Renstra ini.",
    )

    class Meta:
        verbose_name = "tujuan"
        verbose_name_plural = "tujuan"
        ordering = ["renstra_id", "kode"]
        constraints = [
            kode_unik(
                ["renstra", "kode"], "tujuan_kode_unik", "Kode tujuan ini sudah dipakai dalam Renstra yang sama."
            ),
        ]


class Sasaran(Simpul):
    LEVEL = kode_rules.SASARAN

    tujuan = models.ForeignKey(Tujuan, verbose_name="tujuan", on_delete=models.CASCADE, related_name="sasaran")
    strategi = models.TextField("strategi", blank=True)
    arah_kebijakan = models.TextField("arah kebijakan", blank=True)

    class Meta:
        verbose_name = "sasaran"
        verbose_name_plural = "sasaran"
        ordering = ["tujuan_id", "kode"]
        constraints = [
            kode_unik(
                ["tujuan", "kode"], "sasaran_kode_unik", "Kode sasaran ini sudah dipakai di bawah tujuan yang sama."
            ),
        ]

    def kode_induk(self):
        return self.tujuan.kode if self.tujuan_id else None


class Program(Berlaku, Simpul):
    LEVEL = kode_rules.PROGRAM

    renstra = models.ForeignKey(Renstra, verbose_name="Renstra", on_delete=models.CASCADE, related_name="program")
    sasaran = models.ForeignKey(
        Sasaran,
        verbose_name="sasaran",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="program",
        help_text="Sasaran yang didukung program ini (cascading).",
    )
    pendahulu = _pendahulu("self", "program")
    bidang = models.ForeignKey(
        Bidang,
        verbose_name="bidang penanggung jawab",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="program",
    )

    urutan = models.PositiveSmallIntegerField(
        "urutan",
        default=0,
        help_text="Urutan di antara saudaranya seperti dokumen instansi mengurutkannya (diisi impor); "
        "0 = menurut kode.",
    )

    objects = ProgramQuerySet.as_manager()

    class Meta:
        verbose_name = "program"
        verbose_name_plural = "program"
        ordering = ["renstra_id", "urutan", "kode"]
        constraints = [
            kode_unik(
                ["renstra", "kode"], "program_kode_unik", "Kode program ini sudah dipakai dalam Renstra yang sama."
            ),
        ]

    def clean(self):
        super().clean()
        if self.sasaran_id and self.renstra_id and self.sasaran.tujuan.renstra_id != self.renstra_id:
            raise ValidationError({"sasaran": "Sasaran harus berasal dari Renstra yang sama dengan program."})
        if self.renstra_id:
            periksa_bidang_milik_opd(self.bidang, self.renstra.opd)

    @property
    def bidang_penanggung_jawab(self):
        return self.bidang


class Kegiatan(Berlaku, Simpul):
    LEVEL = kode_rules.KEGIATAN

    program = models.ForeignKey(Program, verbose_name="program", on_delete=models.CASCADE, related_name="kegiatan")
    bidang = models.ForeignKey(
        Bidang,
        verbose_name="bidang penanggung jawab",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kegiatan",
        help_text="Kosongkan bila sama dengan bidang program.",
    )
    pendahulu = _pendahulu("self", "kegiatan")

    urutan = models.PositiveSmallIntegerField(
        "urutan",
        default=0,
        help_text="Urutan di antara saudaranya seperti dokumen instansi mengurutkannya (diisi impor); "
        "0 = menurut kode.",
    )

    objects = KegiatanQuerySet.as_manager()

    class Meta:
        verbose_name = "kegiatan"
        verbose_name_plural = "kegiatan"
        ordering = ["program_id", "urutan", "kode"]
        constraints = [
            kode_unik(
                ["program", "kode"], "kegiatan_kode_unik", "Kode kegiatan ini sudah dipakai di bawah program yang sama."
            ),
        ]

    def kode_induk(self):
        return self.program.kode if self.program_id else None

    def clean(self):
        super().clean()
        if self.program_id:
            periksa_bidang_milik_opd(self.bidang, self.program.renstra.opd)

    @property
    def bidang_penanggung_jawab(self):
        return self.bidang or self.program.bidang


class SubKegiatan(Berlaku, Simpul):
    LEVEL = kode_rules.SUB_KEGIATAN

    kegiatan = models.ForeignKey(
        Kegiatan, verbose_name="kegiatan", on_delete=models.CASCADE, related_name="sub_kegiatan"
    )
    bidang = models.ForeignKey(
        Bidang,
        verbose_name="bidang penanggung jawab",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sub_kegiatan",
        help_text="Kosongkan bila sama dengan bidang kegiatan atau program.",
    )
    refocusing = models.BooleanField(
        "refocusing",
        default=False,
        help_text="Dipotong dari anggaran pada tahun berjalan: laporan menulis REFOCUSING dan "
        "tidak menghitungnya dalam rata-rata.",
    )
    keterangan = models.TextField("keterangan", blank=True)
    mewakili_kegiatan = models.BooleanField(
        "baris anggaran kegiatan",
        default=False,
        editable=False,
        help_text="Kegiatan nomenklatur lama (sebelum 2021) tidak mempunyai sub kegiatan; pagu dan realisasi "
        "anggarannya disimpan pada baris ini, yang tidak pernah ditampilkan sebagai sub kegiatan.",
    )
    pendahulu = _pendahulu("self", "sub kegiatan")

    urutan = models.PositiveSmallIntegerField(
        "urutan",
        default=0,
        help_text="Urutan di antara saudaranya seperti dokumen instansi mengurutkannya (diisi impor); "
        "0 = menurut kode.",
    )

    objects = SubKegiatanQuerySet.as_manager()

    class Meta:
        verbose_name = "sub kegiatan"
        verbose_name_plural = "sub kegiatan"
        ordering = ["kegiatan_id", "urutan", "kode"]
        constraints = [
            kode_unik(
                ["kegiatan", "kode"],
                "sub_kegiatan_kode_unik",
                "Kode sub kegiatan ini sudah dipakai di bawah kegiatan yang sama.",
            ),
        ]

    def __str__(self):
        if self.mewakili_kegiatan:
            return f"Anggaran kegiatan {self.uraian} (nomenklatur lama, tanpa sub kegiatan)"
        return super().__str__()

    def kode_induk(self):
        return self.kegiatan.kode if self.kegiatan_id else None

    def clean(self):
        super().clean()
        if self.kegiatan_id:
            periksa_bidang_milik_opd(self.bidang, self.kegiatan.program.renstra.opd)

    @property
    def bidang_penanggung_jawab(self):
        return self.bidang or self.kegiatan.bidang_penanggung_jawab
