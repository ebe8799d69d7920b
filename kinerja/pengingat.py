"""Reminders: what is due at a moment, to whom, and sending each exactly once (`manage.py pengingat`).

Run once a day (deploy/kinerja-pengingat.timer); any number of runs a day send each reminder once,
because each is recorded as a `Pengingat` whose `kunci` names its occasion:

- the operators of each reporting unit (selectors.unit_pelaporan) whose quarter is not submitted
  (draft or returned), for the last four quarters that have ended and that the agency's Renstra
  covers: KINERJA_PENGINGAT_HARI_SEBELUM days before the deadline, on its day, and while overdue
  every KINERJA_PENGINGAT_ULANG_TERLAMBAT days (days 1, 4, 7, … with 3);
- the operators of a returned quarter not submitted again KINERJA_PENGINGAT_DIKEMBALIKAN_HARI days
  after the return, once per return;
- each verifikator a daily digest of the submissions waiting for a decision, none when nothing waits.

A run that missed a day (the server was off) sends the most recent reminder of each kind that fell
due, once, with the days as they stand: a reminder is never lost, and never sent twice.

The occasion is recorded before the message is sent, and the record is deleted when the send
fails, so that the next run tries it again; a crash between the two loses that one reminder rather
than sending it twice.
"""

import datetime
import logging
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from kinerja import rules

from .models import Pelaporan, Pengingat
from .models.pengingat import JenisPengingat
from .periode import akhir_triwulan, romawi
from .selectors import daftar_pelaporan
from .tenggat import Keadaan, tenggat

log = logging.getLogger(__name__)

JUMLAH_TRIWULAN = 4  # quarters looked back at: a year of ended quarters
_BACKEND_MODEL = "django.contrib.auth.backends.ModelBackend"


# --- senders ---------------------------------------------------------------------------------


class Pengirim:
    """Sends one message to one address. A sender of another channel (a WhatsApp gateway's HTTP
    API, as Indonesian offices use) is a subclass with its own `saluran` ("whatsapp") whose
    `kirim` posts to the gateway and raises on failure; it reads the number from where the
    deployment keeps it (`alamat_dari(user)`), and KINERJA_PENGINGAT_PENGIRIM names its dotted
    path. Each `Pengingat` records the channel it went through."""

    saluran = "email"

    def alamat_dari(self, user):
        """The user's address on this channel; empty: the user cannot be reached (skipped)."""
        return (user.email or "").strip()

    def kirim(self, penerima_alamat, subjek, isi):
        raise NotImplementedError


class PengirimEmail(Pengirim):
    """E-mail through Django's mail settings (EMAIL_BACKEND: console in development, SMTP in
    production, DEFAULT_FROM_EMAIL as the sender)."""

    saluran = "email"

    def kirim(self, penerima_alamat, subjek, isi):
        send_mail(subjek, isi, None, [penerima_alamat], fail_silently=False)


def pengirim_bawaan():
    """The sender chosen by KINERJA_PENGINGAT_PENGIRIM."""
    try:
        kelas = import_string(settings.KINERJA_PENGINGAT_PENGIRIM)
    except ImportError as e:
        raise ImproperlyConfigured(
            f"KINERJA_PENGINGAT_PENGIRIM {settings.KINERJA_PENGINGAT_PENGIRIM!r} tidak dapat dimuat: {e}"
        ) from e
    return kelas()


# --- what is due -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pesan:
    """One reminder to one person: its occasion (`kunci`), its text and what it concerns."""

    jenis: str
    kunci: str
    penerima: object
    alamat: str
    subjek: str
    isi: str
    alasan: str
    pelaporan: Pelaporan | None = None
    opd: object = None
    tahun: int | None = None
    triwulan: int | None = None


@dataclass
class Rencana:
    """The reminders due at a moment, and the people who would have had one but have no address."""

    pesan: list = field(default_factory=list)
    tanpa_alamat: set = field(default_factory=set)  # user pks


def _daftar_hari(nilai):
    """ "7,3,1" (or a list) → [7, 3, 1]; positive whole days."""
    bagian = nilai.split(",") if isinstance(nilai, str) else nilai
    try:
        hari = sorted({int(str(h).strip()) for h in bagian if str(h).strip()}, reverse=True)
    except ValueError as e:
        raise ImproperlyConfigured("KINERJA_PENGINGAT_HARI_SEBELUM berisi jumlah hari dipisah koma, mis. 7,3,1.") from e
    if any(h <= 0 for h in hari):
        raise ImproperlyConfigured("KINERJA_PENGINGAT_HARI_SEBELUM hanya berisi jumlah hari lebih dari 0.")
    return hari


def _triwulan_terakhir(hari_ini, jumlah=JUMLAH_TRIWULAN):
    """The last `jumlah` quarters that have ended by `hari_ini`, newest first."""
    tahun, triwulan = hari_ini.year, (hari_ini.month - 1) // 3 + 1
    hasil = []
    while len(hasil) < jumlah:
        tahun, triwulan = (tahun - 1, 4) if triwulan == 1 else (tahun, triwulan - 1)
        if akhir_triwulan(tahun, triwulan) < hari_ini:
            hasil.append((tahun, triwulan))
    return hasil


def _kejadian_tenggat(t):
    """(jenis, step) of the deadline reminder due for a unit's quarter in state `t`, or None.
    The step is the threshold reached (7, 3, 1 days before; 1, 4, 7, … days overdue): the most
    recent one, so that a missed day is caught up once."""
    if t.keadaan == Keadaan.JATUH_TEMPO:
        if t.sisa_hari == 0:
            return JenisPengingat.HARI_INI, 0
        sudah = [h for h in _daftar_hari(settings.KINERJA_PENGINGAT_HARI_SEBELUM) if h >= t.sisa_hari]
        return (JenisPengingat.SEBELUM, min(sudah)) if sudah else None
    if t.keadaan == Keadaan.TERLAMBAT and t.terlambat_hari >= 1:
        ulang = max(1, settings.KINERJA_PENGINGAT_ULANG_TERLAMBAT)
        return JenisPengingat.TERLAMBAT, t.terlambat_hari - (t.terlambat_hari - 1) % ulang
    return None


def _operator_per_opd():
    """Active users who may enter an agency's realisations (the entry page's own test: an agency
    and the permission kinerja.change_realisasi), by agency id; superuser status alone does not
    make anyone an operator. One query."""
    User = get_user_model()
    per_opd = {}
    pengguna = User.objects.with_perm(
        "kinerja.change_realisasi", is_active=True, include_superusers=False, backend=_BACKEND_MODEL
    ).filter(opd__isnull=False)
    for u in pengguna.order_by("pk"):
        per_opd.setdefault(u.opd_id, []).append(u)
    return per_opd


def penerima_unit(operator, opd, bidang):
    """The operators of `operator` (one agency's) who answer for the unit (`bidang`, or None for
    the agency): all of them when the agency reports as a whole; when it reports per bidang, a
    bidang's own operators and those without a bidang, who work on every unit of the agency."""
    if not opd.pelaporan_per_bidang:
        return list(operator)
    return [u for u in operator if u.bidang_id is None or (bidang is not None and u.bidang_id == bidang.pk)]


def _saat_dikembalikan(pelaporan_ids):
    """{pelaporan id: (history id, moment)} of the last return of each returned submission: the
    first history row of the latest run of rows with status dikembalikan (an extension of the
    deadline while returned writes another such row, not another return). One query."""
    hasil = {}
    sebelumnya = {}
    rows = (
        Pelaporan.history.filter(id__in=pelaporan_ids)
        .order_by("id", "history_date", "history_id")
        .values_list("id", "history_id", "history_date", "status")
    )
    for pk, history_id, saat, status in rows:
        if status == Pelaporan.Status.DIKEMBALIKAN and sebelumnya.get(pk) != Pelaporan.Status.DIKEMBALIKAN:
            hasil[pk] = (history_id, saat)
        sebelumnya[pk] = status
    return hasil


def _url(path):
    return settings.KINERJA_URL_SITUS.rstrip("/") + path


def _url_isian(tahun, triwulan, bidang):
    return _url(reverse("kinerja:isian", args=[tahun, triwulan]) + (f"?unit={bidang.pk}" if bidang else ""))


def _kode_unit(opd, bidang):
    return f"opd{opd.pk}" + (f"-b{bidang.pk}" if bidang else "")


def _nama_unit(opd, bidang):
    return f"{opd.nama} — {bidang.nama}" if bidang else opd.nama


def _teks_hari(jenis, t):
    if jenis == JenisPengingat.HARI_INI:
        return "hari ini batas waktunya"
    if jenis == JenisPengingat.SEBELUM:
        return f"{t.sisa_hari} hari lagi"
    return f"terlambat {t.terlambat_hari} hari"


def _subjek_tenggat(jenis, t, periode, unit):
    if jenis == JenisPengingat.SEBELUM:
        return f"Pengingat: isian {periode} {unit} jatuh tempo {t.sisa_hari} hari lagi"
    if jenis == JenisPengingat.HARI_INI:
        return f"Hari ini batas waktu isian {periode} {unit}"
    return f"Isian {periode} {unit} terlambat {t.terlambat_hari} hari"


def _alasan_tenggat(jenis, langkah, batas):
    if jenis == JenisPengingat.SEBELUM:
        return f"{langkah} hari sebelum batas waktu {batas}"
    if jenis == JenisPengingat.HARI_INI:
        return f"Hari batas waktu {batas}"
    return f"Terlambat {langkah} hari dari batas waktu {batas}"


def _tambah(rencana, pengirim, penerima, *, kunci, templat, konteks, **pesan):
    """Add one message per recipient (with an address) to `rencana`; the recipient's pk ends the key."""
    for u in penerima:
        alamat = pengirim.alamat_dari(u)
        if not alamat:
            rencana.tanpa_alamat.add(u.pk)
            continue
        isi = render_to_string(templat, {**konteks, "penerima": u})
        rencana.pesan.append(Pesan(kunci=f"{kunci}:{u.pk}", penerima=u, alamat=alamat, isi=isi, **pesan))


def _pengingat_operator(rencana, pengirim, sekarang):
    hari_ini = timezone.localdate(sekarang)
    operator = _operator_per_opd()
    baris = [(tw, b) for tw in _triwulan_terakhir(hari_ini) for b in daftar_pelaporan(*tw)]
    baris = [(tw, b) for tw, b in baris if b.belum_diajukan and operator.get(b.opd.pk)]
    dikembalikan = _saat_dikembalikan([b.pelaporan.pk for _, b in baris if b.status == Pelaporan.Status.DIKEMBALIKAN])
    hari_dikembalikan = settings.KINERJA_PENGINGAT_DIKEMBALIKAN_HARI
    for (tahun, triwulan), b in baris:
        t = tenggat(tahun, triwulan, b.pelaporan, sekarang)
        penerima = penerima_unit(operator[b.opd.pk], b.opd, b.bidang)
        unit, kode = _nama_unit(b.opd, b.bidang), _kode_unit(b.opd, b.bidang)
        periode = f"TW {romawi(triwulan)} {tahun}"
        batas = rules.format_tanggal(timezone.localtime(t.batas))
        konteks = {
            "opd": b.opd,
            "bidang": b.bidang,
            "periode": periode,
            "triwulan": romawi(triwulan),
            "tahun": tahun,
            "batas_waktu": rules.format_waktu(timezone.localtime(t.batas)),
            "tenggat": t,
            "url": _url_isian(tahun, triwulan, b.bidang),
        }
        umum = {"pelaporan": b.pelaporan, "opd": b.opd, "tahun": tahun, "triwulan": triwulan}
        kejadian = _kejadian_tenggat(t)
        if kejadian:
            jenis, langkah = kejadian
            _tambah(
                rencana,
                pengirim,
                penerima,
                kunci=f"{jenis}-{langkah}:{kode}:{tahun}-{triwulan}:{timezone.localdate(t.batas).isoformat()}",
                templat="kinerja/email/tenggat.txt",
                konteks={**konteks, "jenis": jenis, "hari": _teks_hari(jenis, t)},
                jenis=jenis,
                subjek=_subjek_tenggat(jenis, t, periode, unit),
                alasan=_alasan_tenggat(jenis, langkah, batas),
                **umum,
            )
        kembali = dikembalikan.get(b.pelaporan.pk) if b.pelaporan else None
        if kembali and (hari_ini - timezone.localdate(kembali[1])).days >= hari_dikembalikan:
            pada = rules.format_tanggal(timezone.localtime(kembali[1]))
            _tambah(
                rencana,
                pengirim,
                penerima,
                kunci=f"dikembalikan:{kode}:{tahun}-{triwulan}:{kembali[0]}",
                templat="kinerja/email/dikembalikan.txt",
                konteks={
                    **konteks,
                    "dikembalikan_pada": pada,
                    "hari_dikembalikan": (hari_ini - timezone.localdate(kembali[1])).days,
                    "catatan": b.pelaporan.catatan,
                },
                jenis=JenisPengingat.DIKEMBALIKAN,
                subjek=f"{periode} {unit} dikembalikan verifikator dan belum diajukan lagi",
                alasan=f"Dikembalikan {pada}, belum diajukan lagi",
                **umum,
            )


def _verifikator():
    """Active users who may decide on submissions and open the verification list (permissions
    kinerja.verifikasi_pelaporan and renstra.lihat_semua_opd, through a role or given directly);
    superuser status alone does not make anyone a verifikator. One query."""
    User = get_user_model()
    dengan = {"is_active": True, "include_superusers": False, "backend": _BACKEND_MODEL}
    semua_opd = User.objects.with_perm("renstra.lihat_semua_opd", **dengan).values("pk")
    return list(
        User.objects.with_perm("kinerja.verifikasi_pelaporan", **dengan).filter(pk__in=semua_opd).order_by("pk")
    )


def _ringkasan_verifikator(rencana, pengirim, sekarang):
    menunggu = list(
        Pelaporan.objects.filter(status=Pelaporan.Status.DIAJUKAN)
        .select_related("opd", "bidang")
        .order_by("diajukan_pada", "opd__kode", "tahun", "triwulan", "pk")
    )
    if not menunggu:
        return
    hari_ini = timezone.localdate(sekarang)
    daftar = [
        {
            "unit": _nama_unit(p.opd, p.bidang),
            "periode": f"TW {romawi(p.triwulan)} {p.tahun}",
            "diajukan": rules.format_tanggal(timezone.localtime(p.diajukan_pada)) if p.diajukan_pada else "",
            "hari": (hari_ini - timezone.localdate(p.diajukan_pada)).days if p.diajukan_pada else None,
            "terlambat": p.terlambat,
            "url": _url(p.url_tinjau()),
        }
        for p in menunggu
    ]
    tanggal = rules.format_tanggal(hari_ini)
    _tambah(
        rencana,
        pengirim,
        _verifikator(),
        kunci=f"ringkasan:{hari_ini.isoformat()}",
        templat="kinerja/email/ringkasan.txt",
        konteks={"daftar": daftar, "tanggal": tanggal, "url": _url(reverse("kinerja:verifikasi_daftar"))},
        jenis=JenisPengingat.RINGKASAN,
        subjek=f"Ringkasan verifikasi {tanggal}: {len(daftar)} pelaporan menunggu keputusan Anda",
        alasan=f"{len(daftar)} pelaporan menunggu verifikasi",
    )


def pengingat_jatuh_tempo(sekarang=None, pengirim=None):
    """Every reminder due at `sekarang` (sent before or not), and who has no address. Reads a
    fixed number of queries whatever the number of agencies."""
    sekarang = sekarang or timezone.now()
    pengirim = pengirim or pengirim_bawaan()
    rencana = Rencana()
    _pengingat_operator(rencana, pengirim, sekarang)
    _ringkasan_verifikator(rencana, pengirim, sekarang)
    return rencana


# --- sending -----------------------------------------------------------------------------------


@dataclass
class HasilKirim:
    terkirim: Counter = field(default_factory=Counter)  # by jenis
    sudah: int = 0  # sent by an earlier run
    gagal: int = 0  # the sender raised; tried again by the next run
    tanpa_alamat: int = 0  # users skipped for having no address
    pesan: list = field(default_factory=list)  # what was sent (what would be, in a dry run)


def kirim_pengingat(sekarang=None, kering=False, pengirim=None):
    """Send the reminders due at `sekarang` that no earlier run sent, each recorded as a
    `Pengingat`. `kering`: compute only, record and send nothing (`pesan` lists what would go)."""
    pengirim = pengirim or pengirim_bawaan()
    rencana = pengingat_jatuh_tempo(sekarang, pengirim)
    hasil = HasilKirim(tanpa_alamat=len(rencana.tanpa_alamat))
    sudah = set(Pengingat.objects.filter(kunci__in=[p.kunci for p in rencana.pesan]).values_list("kunci", flat=True))
    for p in rencana.pesan:
        if p.kunci in sudah:
            hasil.sudah += 1
            continue
        if kering:
            hasil.terkirim[p.jenis] += 1
            hasil.pesan.append(p)
            continue
        try:
            with transaction.atomic():
                catatan = Pengingat.objects.create(
                    kunci=p.kunci,
                    jenis=p.jenis,
                    penerima=p.penerima,
                    alamat=p.alamat,
                    saluran=pengirim.saluran,
                    pelaporan=p.pelaporan,
                    opd=p.opd,
                    tahun=p.tahun,
                    triwulan=p.triwulan,
                    subjek=p.subjek[:200],
                    alasan=p.alasan[:200],
                )
        except IntegrityError:  # another run recorded it meanwhile
            hasil.sudah += 1
            continue
        try:
            pengirim.kirim(p.alamat, p.subjek, p.isi)
        except Exception:
            log.exception("pengingat.gagal kunci=%s alamat=%s", p.kunci, p.alamat)
            catatan.delete()
            hasil.gagal += 1
            continue
        hasil.terkirim[p.jenis] += 1
        hasil.pesan.append(p)
    return hasil


def waktu_lokal(teks):
    """ "2025-10-08 07:00" (or a date alone, at 00:00) as an aware moment of TIME_ZONE."""
    try:
        waktu = datetime.datetime.fromisoformat(teks.strip())
    except ValueError:
        raise ValueError(f"Waktu {teks!r} tidak dikenal; tulis TTTT-BB-HH JJ:MM, mis. 2025-10-08 07:00.") from None
    return waktu if timezone.is_aware(waktu) else timezone.make_aware(waktu)
