"""Database triggers for invariants that span tables, which a CHECK constraint cannot state.

The year of a target, a budget or a realisation must lie inside the period of its Renstra.
Model validation (`clean`) says so first with a message for the user; the triggers make sure no
import, script or raw SQL writes such a row anyway. SQLite and PostgreSQL both raise an integrity
error, which Django reports as `django.db.IntegrityError`.

The triggers are not created by migrations: SQLite alters a table by rebuilding it, which drops
its triggers and breaks the triggers of other tables that name it. Like Django's permissions, they
are dropped before every `migrate` (pre_migrate) and created again after it (post_migrate).
"""

from dataclasses import dataclass

PESAN = "Tahun di luar periode Renstra."

# How a row reaches its Renstra: the join from the row (aliased t) and the Renstra id column.
_JALUR = {
    "indikator": ("JOIN renstra_indikator i ON i.id = t.indikator_id", "i.renstra_id"),
    "sub_kegiatan": (
        "JOIN renstra_subkegiatan s ON s.id = t.sub_kegiatan_id "
        "JOIN renstra_kegiatan k ON k.id = s.kegiatan_id JOIN renstra_program p ON p.id = k.program_id",
        "p.renstra_id",
    ),
}


@dataclass(frozen=True)
class Pemicu:
    """A trigger rejecting a row of `tabel` for which `syarat` (SQL written with NEW) is false,
    on insert and on update of `kolom`; `tabel_terkait` must all exist for it to be created."""

    nama: str
    tabel: str
    kolom: str
    syarat: str
    tabel_terkait: tuple

    def sql_buat(self, vendor):
        if vendor == "sqlite":
            return [
                f"CREATE TRIGGER {self.nama}_{aksi} BEFORE {peristiwa} ON {self.tabel} FOR EACH ROW "
                f"WHEN NOT ({self.syarat}) BEGIN SELECT RAISE(ABORT, '{PESAN}'); END"
                for aksi, peristiwa in (("insert", "INSERT"), ("update", f"UPDATE OF {self.kolom}"))
            ]
        return [
            f"CREATE OR REPLACE FUNCTION {self.nama}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF NOT ({self.syarat}) THEN RAISE EXCEPTION '{PESAN}' USING ERRCODE = 'check_violation'; END IF; "
            "RETURN NEW; END $$",
            f"CREATE TRIGGER {self.nama} BEFORE INSERT OR UPDATE OF {self.kolom} ON {self.tabel} "
            f"FOR EACH ROW EXECUTE FUNCTION {self.nama}()",
        ]

    def sql_hapus(self, vendor, tabel_ada):
        return sql_hapus_pemicu(self.nama, self.tabel, vendor, tabel_ada, ("insert", "update"))


def sql_hapus_pemicu(nama, tabel, vendor, tabel_ada, aksi):
    """The statements dropping trigger `nama` of `tabel`: on SQLite one trigger per event in
    `aksi` (named `nama_aksi`), on PostgreSQL the trigger (when its table is there) and its
    function."""
    if vendor == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {nama}_{a}" for a in aksi]
    hapus = [f"DROP TRIGGER IF EXISTS {nama} ON {tabel}"] if tabel in tabel_ada else []
    return [*hapus, f"DROP FUNCTION IF EXISTS {nama}()"]


def pemicu_tahun(nama, tabel, lewat):
    """Reject a row of `tabel` (linked through `lewat`: "indikator" or "sub_kegiatan") whose
    year lies outside its Renstra's period."""
    join, kolom_renstra = _JALUR[lewat]
    renstra_baris = f"SELECT {kolom_renstra} FROM (SELECT NEW.{lewat}_id AS {lewat}_id) t {join}"
    syarat = (
        f"EXISTS (SELECT 1 FROM renstra_renstra r WHERE r.id = ({renstra_baris}) "
        "AND NEW.tahun BETWEEN r.tahun_awal AND r.tahun_akhir)"
    )
    return Pemicu(nama, tabel, f"tahun, {lewat}_id", syarat, (tabel, "renstra_renstra"))


def pemicu_periode(nama, baris):
    """Reject a change of a Renstra's period that would leave rows of the tables in `baris`
    (pairs of table and link, as for `pemicu_tahun`) outside it."""
    syarat = " AND ".join(
        f"NOT EXISTS (SELECT 1 FROM {tabel} t {_JALUR[lewat][0]} WHERE {_JALUR[lewat][1]} = NEW.id "
        "AND t.tahun NOT BETWEEN NEW.tahun_awal AND NEW.tahun_akhir)"
        for tabel, lewat in baris
    )
    return Pemicu(nama, "renstra_renstra", "tahun_awal, tahun_akhir", syarat, ("renstra_renstra", *dict(baris)))


def lepas(daftar, connection):
    """Drop the triggers in `daftar` (before migrating)."""
    tabel_ada = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for pemicu in daftar:
            for sql in pemicu.sql_hapus(connection.vendor, tabel_ada):
                cursor.execute(sql)


def pasang(daftar, connection):
    """(Re)create the triggers in `daftar` whose tables exist (after migrating)."""
    lepas(daftar, connection)
    tabel_ada = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for pemicu in daftar:
            if set(pemicu.tabel_terkait) <= tabel_ada:
                for sql in pemicu.sql_buat(connection.vendor):
                    cursor.execute(sql)


PEMICU = [
    pemicu_tahun("target_tahun_dalam_periode", "renstra_target", "indikator"),
    pemicu_tahun("pagu_tahun_dalam_periode", "renstra_pagu", "sub_kegiatan"),
    pemicu_periode(
        "renstra_periode_mencakup_target_pagu", [("renstra_target", "indikator"), ("renstra_pagu", "sub_kegiatan")]
    ),
]
