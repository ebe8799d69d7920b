"""Triggers keeping realisations inside their Renstra's period (see renstra.pemicu), and the
triggers raising an indicator's capaian version whenever a row its capaian is computed from
changes (see kinerja.ringkasan): in the writing transaction itself, whoever writes (the entry
page, an importer, the Admin, raw SQL). Created and dropped around `migrate` like the others."""

from dataclasses import dataclass

from renstra.pemicu import pemicu_periode, pemicu_tahun, sql_hapus_pemicu

VERSI = "kinerja_versicapaian"
TERSIMPAN = "kinerja_capaiantersimpan"
PERISTIWA = (("insert", "INSERT", ("NEW",)), ("update", "UPDATE", ("NEW", "OLD")), ("delete", "DELETE", ("OLD",)))


@dataclass(frozen=True)
class PemicuVersi:
    """After every insert, update and delete of a row of `tabel`, raise the capaian version of
    the indicators `indikator` selects (a SELECT of a column `i`, written with {baris} for the
    row: NEW or OLD). With `hapus` (the indicators' own table), deleting a row removes the
    indicator's version and stored capaian instead."""

    nama: str
    tabel: str
    indikator: str
    hapus: bool = False
    hanya_ubah: bool = False  # a node of the tree: a new one has no indicator, a deleted one none left

    @property
    def tabel_terkait(self):
        return (self.tabel, VERSI, TERSIMPAN)

    def _perintah(self, baris, vendor):
        pilih = self.indikator.format(baris=baris)
        naik = f"UPDATE {VERSI} SET versi = versi + 1 WHERE indikator_id IN (SELECT i FROM ({pilih}) AS v)"
        if self.hapus and baris == "OLD":
            # The version is kept and raised, never removed: an id written again (a fixture) goes
            # on from it, so an agency's fingerprint (kinerja.ringkasan) cannot come back.
            return [f"DELETE FROM {TERSIMPAN} WHERE indikator_id IN (SELECT i FROM ({pilih}) AS v)", naik]
        tambah = f"INSERT INTO {VERSI} (indikator_id, versi) SELECT i, 0 FROM ({pilih}) AS v WHERE i IS NOT NULL"
        tambah = (
            tambah.replace("INSERT", "INSERT OR IGNORE", 1)
            if vendor == "sqlite"
            else f"{tambah} ON CONFLICT DO NOTHING"
        )
        return [tambah, naik]

    def _baris(self, peristiwa):
        """The rows whose indicators an event concerns. An indicator's own insert concerns
        nothing stored, its update raises its version (never removes it: a version only grows,
        so a reader holding an older one cannot store it as current), its deletion removes it."""
        if self.hanya_ubah:
            return ["NEW"] if peristiwa == ("NEW", "OLD") else []
        if not self.hapus:
            return list(peristiwa)
        return {("NEW",): [], ("NEW", "OLD"): ["NEW"], ("OLD",): ["OLD"]}[peristiwa]

    def sql_buat(self, vendor):
        if vendor == "sqlite":
            return [
                f"CREATE TRIGGER {self.nama}_{aksi} AFTER {nama} ON {self.tabel} FOR EACH ROW BEGIN "
                + " ".join(f"{p};" for b in self._baris(baris) for p in self._perintah(b, vendor))
                + " END"
                for aksi, nama, baris in PERISTIWA
                if self._baris(baris)
            ]
        badan = " ".join(
            f"IF TG_OP = '{nama}' THEN "
            + " ".join(f"{p};" for b in self._baris(baris) for p in self._perintah(b, vendor))
            + " END IF;"
            for _, nama, baris in PERISTIWA
            if self._baris(baris)
        )
        saat = " OR ".join(nama for _, nama, baris in PERISTIWA if self._baris(baris))
        return [
            f"CREATE OR REPLACE FUNCTION {self.nama}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {badan} "
            "RETURN NULL; END $$",
            f"CREATE TRIGGER {self.nama} AFTER {saat} ON {self.tabel} FOR EACH ROW EXECUTE FUNCTION {self.nama}()",
        ]

    def sql_hapus(self, vendor, tabel_ada):
        return sql_hapus_pemicu(self.nama, self.tabel, vendor, tabel_ada, [aksi for aksi, _, _ in PERISTIWA])


PEMICU = [
    pemicu_tahun("realisasi_tahun_dalam_periode", "kinerja_realisasi", "indikator"),
    pemicu_tahun("realisasi_anggaran_tahun_dalam_periode", "kinerja_realisasianggaran", "sub_kegiatan"),
    pemicu_periode(
        "renstra_periode_mencakup_realisasi",
        [("kinerja_realisasi", "indikator"), ("kinerja_realisasianggaran", "sub_kegiatan")],
    ),
    PemicuVersi("versi_capaian_realisasi", "kinerja_realisasi", "SELECT {baris}.indikator_id AS i"),
    PemicuVersi("versi_capaian_target", "renstra_target", "SELECT {baris}.indikator_id AS i"),
    PemicuVersi(
        "versi_capaian_tingkat",
        "renstra_tingkat",
        "SELECT id AS i FROM renstra_indikator WHERE skala_tingkat_id = {baris}.skala_id",
    ),
    PemicuVersi("versi_capaian_indikator", "renstra_indikator", "SELECT {baris}.id AS i", hapus=True),
    # A node's period (which indicators are in force in a year) and a sub kegiatan's refocusing
    # (which are averaged) change an agency's aggregate: its indicators' versions rise.
    PemicuVersi(
        "versi_capaian_program",
        "renstra_program",
        "SELECT id AS i FROM renstra_indikator WHERE program_id = {baris}.id "
        "OR kegiatan_id IN (SELECT id FROM renstra_kegiatan WHERE program_id = {baris}.id) "
        "OR sub_kegiatan_id IN (SELECT s.id FROM renstra_subkegiatan s "
        "JOIN renstra_kegiatan k ON k.id = s.kegiatan_id WHERE k.program_id = {baris}.id)",
        hanya_ubah=True,
    ),
    PemicuVersi(
        "versi_capaian_kegiatan",
        "renstra_kegiatan",
        "SELECT id AS i FROM renstra_indikator WHERE kegiatan_id = {baris}.id "
        "OR sub_kegiatan_id IN (SELECT id FROM renstra_subkegiatan WHERE kegiatan_id = {baris}.id)",
        hanya_ubah=True,
    ),
    PemicuVersi(
        "versi_capaian_sub_kegiatan",
        "renstra_subkegiatan",
        "SELECT id AS i FROM renstra_indikator WHERE sub_kegiatan_id = {baris}.id",
        hanya_ubah=True,
    ),
]
