"""Inserting an import's new objects in bulk without Django's per-value SQL compiler.

`QuerySet.bulk_create` compiles every value of every row through the field machinery (pre_save,
get_db_prep_save, placeholders, one call chain per value): for the 50.000 objects of a Renstra
matrix and their 50.000 history rows that costs several times what the database itself takes.
Here each model's columns and the conversion of each column are decided once; a row is then a
tuple of values, and a batch is one multi-row `INSERT … RETURNING pk` (the primary keys are
set on the objects, as bulk_create does). The history rows (django-simple-history) are written
the same way, from the same values: one row per object with its tracked fields, the date, the
user and the change reason, history type "+", as `bulk_create_with_history` writes them.

Bulk inserts skip `save()` and the model signals, as `bulk_create` does. A model or a database
this writer does not cover (no RETURNING, a history model with fields of its own) goes through
Django's bulk_create / simple_history's bulk_create_with_history instead.
"""

from django.conf import settings
from django.db import connection, models
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, get_change_reason_from_object

# Column types whose Python value (after full_clean's to_python) is what the database driver takes.
_TIPE_LANGSUNG = {
    "AutoField",
    "BigAutoField",
    "SmallAutoField",
    "BooleanField",
    "CharField",
    "TextField",
    "SlugField",
    "EmailField",
    "URLField",
    "IntegerField",
    "BigIntegerField",
    "SmallIntegerField",
    "PositiveIntegerField",
    "PositiveBigIntegerField",
    "PositiveSmallIntegerField",
}
# The history columns simple_history adds to the tracked fields; any other: the slow path.
_MEDAN_RIWAYAT = {"history_id", "history_date", "history_change_reason", "history_type", "history_user"}
# Statement parameters kept under every backend's limit (SQLite's default is 32.766).
_PARAMETER_MAKS = 30000
_BELUM = object()


def _langsung(medan):
    """Whether the column takes the attribute's value as it is (a foreign key: the target's key)."""
    if medan.is_relation:
        return _langsung(medan.target_field)
    return medan.get_internal_type() in _TIPE_LANGSUNG


def _pengubah(medan):
    """A function giving the database value of `medan` from its attribute value."""
    if _langsung(medan):
        return None

    def ubah(v, medan=medan):
        return None if v is None else medan.get_db_prep_save(v, connection)

    return ubah


def _medan_sendiri(model):
    return [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key and not f.generated and f.db_default is models.NOT_PROVIDED
    ]


def _sisip(tabel, kolom, baris, kembali=None):
    """INSERT `baris` (tuples in the order of `kolom`) into `tabel` in batches; with `kembali` (a
    column), the values of that column of the inserted rows, in order."""
    q = connection.ops.quote_name
    ukuran = max(1, min(500, _PARAMETER_MAKS // max(1, len(kolom))))
    daftar_kolom = ", ".join(q(k) for k in kolom)
    satu = "(" + ", ".join(["%s"] * len(kolom)) + ")"
    akhiran = f" RETURNING {q(kembali)}" if kembali else ""
    hasil = []
    with connection.cursor() as kursor:
        for i in range(0, len(baris), ukuran):
            potong = baris[i : i + ukuran]
            sql = f"INSERT INTO {q(tabel)} ({daftar_kolom}) VALUES {', '.join([satu] * len(potong))}{akhiran}"
            kursor.execute(sql, [v for b in potong for v in b])
            if kembali:
                hasil.extend(r[0] for r in kursor.fetchall())
    return hasil


def _nilai_baris(obj_daftar, medan_daftar):
    """Each object's values of `medan_daftar` as database values (parents' keys taken from the
    related objects saved since the child was made, as bulk_create does)."""
    pasang = []
    for f in medan_daftar:
        if f.is_relation:
            pasang.append((f, f.attname, None, f.cache_name))
        else:
            pasang.append((f, f.attname, _pengubah(f), None))
    perlu_pre_save = [f for f in medan_daftar if type(f).pre_save is not models.Field.pre_save]
    baris = []
    for obj in obj_daftar:
        for f in perlu_pre_save:
            setattr(obj, f.attname, f.pre_save(obj, True))
        cache = obj._state.fields_cache
        nilai = []
        for f, attname, ubah, nama_cache in pasang:
            v = obj.__dict__.get(attname)
            if nama_cache is not None:
                if v is None and cache.get(nama_cache) is not None:
                    terkait = cache[nama_cache]
                    if terkait.pk is None:
                        raise ValueError(
                            f"bulk insert {type(obj).__name__}: {f.name} {terkait!r} belum disimpan (tidak punya pk)."
                        )
                    v = getattr(terkait, f.target_field.attname)
                    obj.__dict__[attname] = v
            elif ubah is not None:
                v = ubah(v)
            nilai.append(v)
        baris.append(nilai)
    return baris


def _riwayat_tercakup(model):
    """The history model's columns when this writer covers them (tracked fields and the history
    fields simple_history adds), else None."""
    riwayat = model.history.model
    dilacak = {f.attname for f in riwayat.tracked_fields}
    for f in riwayat._meta.concrete_fields:
        if f.attname not in dilacak and f.name not in _MEDAN_RIWAYAT:
            return None
    sendiri = {f.attname for f in _medan_sendiri(model)} | {model._meta.pk.attname}
    if not dilacak <= sendiri:
        return None
    return riwayat


def bisa_cepat(model):
    """Whether `model`'s new objects can be inserted here (else: Django's bulk_create)."""
    if not connection.features.can_return_rows_from_bulk_insert:
        return False
    if model._meta.parents or not model._meta.pk.get_internal_type().endswith("AutoField"):
        return False
    return not hasattr(model, "history") or _riwayat_tercakup(model) is not None


def sisip_baru(model, obj_daftar, *, user=None, alasan=""):
    """Insert the new `obj_daftar` of `model` (and, for a model keeping history, one history row
    each, by `user` with the change reason `alasan`); their primary keys are set."""
    if not obj_daftar:
        return
    if not bisa_cepat(model):
        if hasattr(model, "history"):
            bulk_create_with_history(obj_daftar, model, default_user=user, default_change_reason=alasan)
        else:
            model.objects.bulk_create(obj_daftar)
        return
    medan_daftar = _medan_sendiri(model)
    baris = _nilai_baris(obj_daftar, medan_daftar)
    pk = model._meta.pk
    kunci = _sisip(model._meta.db_table, [f.column for f in medan_daftar], baris, kembali=pk.column)
    for obj, nilai_pk in zip(obj_daftar, kunci, strict=True):
        obj.__dict__[pk.attname] = nilai_pk
        obj._state.adding = False
        obj._state.db = connection.alias
    if hasattr(model, "history") and getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        _sisip_riwayat(model, obj_daftar, medan_daftar, baris, user, alasan)


def _sisip_riwayat(model, obj_daftar, medan_daftar, baris, user, alasan):
    """One history row ("+") per inserted object, from the values just inserted."""
    riwayat = _riwayat_tercakup(model)
    posisi = {f.attname: i for i, f in enumerate(medan_daftar)}
    pk_attname = model._meta.pk.attname
    medan_riwayat = [f for f in riwayat._meta.concrete_fields if f.name != "history_id"]
    tanggal = riwayat._meta.get_field("history_date").get_db_prep_save(timezone.now(), connection)
    pengguna_bawaan = user if user is not None else _BELUM
    keluaran = []
    for obj, nilai in zip(obj_daftar, baris, strict=True):
        if hasattr(obj, "_history_user"):
            pengguna = obj._history_user
        else:
            if pengguna_bawaan is _BELUM:
                # the request's user (simple_history's middleware) is the same for every object
                pengguna_bawaan = riwayat.get_default_history_user(obj)
            pengguna = pengguna_bawaan
        isi = []
        for f in medan_riwayat:
            if f.attname == pk_attname:
                isi.append(obj.pk)
            elif f.attname in posisi:
                isi.append(nilai[posisi[f.attname]])
            elif f.name == "history_date":
                isi.append(tanggal)
            elif f.name == "history_change_reason":
                isi.append(get_change_reason_from_object(obj) or alasan)
            elif f.name == "history_type":
                isi.append("+")
            else:  # history_user
                isi.append(getattr(pengguna, "pk", None))
        keluaran.append(isi)
    _sisip(riwayat._meta.db_table, [f.column for f in medan_riwayat], keluaran)
