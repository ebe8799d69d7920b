"""Database triggers for invariants that span tables, which a CHECK constraint cannot state.

The year of a target, a budget or a realisation must lie inside the period of its Renstra.
Model validation (`clean`) says so first with a message for the user; the trigger makes sure
that no import, script or raw SQL writes such a row anyway. SQLite and PostgreSQL both raise an
integrity error, which Django reports as `django.db.IntegrityError`.
"""

from django.db import migrations

PESAN = "Tahun di luar periode Renstra."


def _sqlite(nama, tabel, kolom, syarat):
    buat = [
        f"CREATE TRIGGER {nama}_{aksi} BEFORE {peristiwa} ON {tabel} FOR EACH ROW "
        f"WHEN NOT ({syarat}) BEGIN SELECT RAISE(ABORT, '{PESAN}'); END"
        for aksi, peristiwa in (("insert", "INSERT"), ("update", f"UPDATE OF {kolom}"))
    ]
    hapus = [f"DROP TRIGGER IF EXISTS {nama}_insert", f"DROP TRIGGER IF EXISTS {nama}_update"]
    return buat, hapus


def _postgresql(nama, tabel, kolom, syarat):
    buat = [
        f"CREATE FUNCTION {nama}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF NOT ({syarat}) THEN RAISE EXCEPTION '{PESAN}' USING ERRCODE = 'check_violation'; END IF; "
        "RETURN NEW; END $$",
        f"CREATE TRIGGER {nama} BEFORE INSERT OR UPDATE OF {kolom} ON {tabel} FOR EACH ROW EXECUTE FUNCTION {nama}()",
    ]
    hapus = [f"DROP TRIGGER IF EXISTS {nama} ON {tabel}", f"DROP FUNCTION IF EXISTS {nama}()"]
    return buat, hapus


_VENDOR = {"sqlite": _sqlite, "postgresql": _postgresql}


def pemicu(nama, tabel, kolom, syarat):
    """A migration operation adding trigger `nama` that rejects a row of `tabel` for which the
    SQL condition `syarat` (written with NEW) is false, on insert and on update of `kolom`."""

    def _jalankan(schema_editor, indeks):
        sql = _VENDOR[schema_editor.connection.vendor](nama, tabel, kolom, syarat)[indeks]
        for perintah in sql:
            schema_editor.execute(perintah, params=None)

    return migrations.RunPython(
        lambda apps, schema_editor: _jalankan(schema_editor, 0),
        lambda apps, schema_editor: _jalankan(schema_editor, 1),
    )


# How a row reaches its Renstra: the join from the row (aliased t) and the Renstra id column.
_JALUR = {
    "indikator": ("JOIN renstra_indikator i ON i.id = t.indikator_id", "i.renstra_id"),
    "sub_kegiatan": (
        "JOIN renstra_subkegiatan s ON s.id = t.sub_kegiatan_id "
        "JOIN renstra_kegiatan k ON k.id = s.kegiatan_id JOIN renstra_program p ON p.id = k.program_id",
        "p.renstra_id",
    ),
}


def pemicu_tahun(nama, tabel, lewat):
    """Reject a row of `tabel` (linked through `lewat`: "indikator" or "sub_kegiatan") whose
    year lies outside its Renstra's period."""
    join, kolom_renstra = _JALUR[lewat]
    renstra_baris = f"SELECT {kolom_renstra} FROM (SELECT NEW.{lewat}_id AS {lewat}_id) t {join}"
    syarat = (
        f"EXISTS (SELECT 1 FROM renstra_renstra r WHERE r.id = ({renstra_baris}) "
        "AND NEW.tahun BETWEEN r.tahun_awal AND r.tahun_akhir)"
    )
    return pemicu(nama, tabel, f"tahun, {lewat}_id", syarat)


def pemicu_periode(nama, baris):
    """Reject a change of a Renstra's period that would leave rows of the tables in `baris`
    (pairs of table and link, as for `pemicu_tahun`) outside it."""
    syarat = " AND ".join(
        f"NOT EXISTS (SELECT 1 FROM {tabel} t {_JALUR[lewat][0]} WHERE {_JALUR[lewat][1]} = NEW.id "
        "AND t.tahun NOT BETWEEN NEW.tahun_awal AND NEW.tahun_akhir)"
        for tabel, lewat in baris
    )
    return pemicu(nama, "renstra_renstra", "tahun_awal, tahun_akhir", syarat)
