"""Dashboards: the region for Bappeda reviewers (every agency of a year up to a quarter, sorted
and filtered), an agency drilled down from tujuan to sub kegiatan and indicator, an operator's
home; each table as XLSX and the overview as PDF. Agencies are fetched through the user's scope,
so another agency is a 404 by construction."""

from dataclasses import replace
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from kinerja import dasbor as baca
from kinerja import keterlambatan as terlambat
from kinerja import services
from kinerja.models import CatatanData
from kinerja.periode import triwulan_pelaporan, triwulan_terakhir_selesai
from kinerja.replika import baca_dari_replika
from kinerja.riwayat import riwayat_indikator
from kinerja.selectors import isian_triwulan, kinerja_tahunan, skala_laporan
from renstra.models import Indikator, PerangkatDaerah
from renstra.querysets import IZIN_SEMUA_OPD

from .builders import dasbor as bangun
from .builders import keterlambatan as bangun_terlambat
from .builders.catatan_kaki import ringkasan_catatan
from .filtersets import DasborWilayahFilter, urutkan
from .renderers.xlsx import render_xlsx
from .views import XLSX, jawab_cetak

LEVEL_URL = {"tujuan": "tujuan", "sasaran": "sasaran", "program": "program", "kegiatan": "kegiatan",
             "sub-kegiatan": "sub_kegiatan", "lain": "lain"}  # fmt: skip
URL_LEVEL = {v: k for k, v in LEVEL_URL.items()}
RIWAYAT_DITAMPILKAN = 10


def _unduh(request, laporan, format, opd=None):
    """The document as a file: XLSX, or PDF as every report prints it (a job of the worker,
    laporan/cetak.py; 503 with what to install when PDFs cannot be made)."""
    if format == "pdf":
        return jawab_cetak(request, laporan, opd)
    respons = HttpResponse(render_xlsx(laporan), content_type=XLSX)
    respons["Content-Disposition"] = f'attachment; filename="{laporan.nama_berkas}.xlsx"'
    return respons


def _triwulan(request, tahun, opd):
    """The quarter asked for (?triwulan=); by default the one the year opens on (a finished
    year's last reported quarter, this year's last ended one: `kinerja.dasbor.triwulan_bawaan`);
    404 otherwise."""
    nilai = request.GET.get("triwulan")
    if not nilai:
        return baca.triwulan_bawaan(tahun, [opd])
    if nilai not in ("1", "2", "3", "4"):
        raise Http404("Triwulan harus 1, 2, 3 atau 4.")
    return int(nilai)


# ---------------------------------------------------------------------------------------------
# Home
# ---------------------------------------------------------------------------------------------


@login_required
@require_GET
def dasbor(request):
    """The region for those who see every agency; an operator's own agency for operators."""
    if request.user.has_perm(IZIN_SEMUA_OPD):
        return wilayah(request)
    if request.user.opd_id:
        return beranda(request)
    return render(request, "renstra/tanpa_akses.html", status=403)


def beranda(request):
    """An operator's home: the quarter being reported (how much is filled, the deadline, the
    submission), returned quarters with the reviewer's note, the weakest indicators so far."""
    user = request.user
    opd = user.opd
    tahun, triwulan = triwulan_pelaporan()
    # The unit the operator reports for: their bidang when the agency reports per bidang.
    bidang = user.bidang if opd.pelaporan_per_bidang and user.bidang_id else None
    skala = skala_laporan("dasbor")
    halaman = isian_triwulan(opd, tahun, triwulan, bidang=bidang, pengguna=user, skala=skala)
    pelaporan = services.pelaporan_unit(opd, bidang, tahun, triwulan)
    kinerja = kinerja_tahunan(opd, baca.tahun_terukur_terakhir(opd, tahun), skala=skala)
    data = baca.beranda_operator(halaman, pelaporan, kinerja)
    return render(request, "laporan/dasbor/beranda.html", {"data": data, "opd": opd, "skala": skala})


# ---------------------------------------------------------------------------------------------
# The region
# ---------------------------------------------------------------------------------------------


def _wilayah(request):
    """(filters, overview) of the agencies in the user's scope, or (filters, None) when the
    choices are invalid."""
    skala = skala_laporan("dasbor")
    tahun, triwulan = triwulan_terakhir_selesai()
    opd = PerangkatDaerah.objects.for_user(request.user).order_by("nama")
    diminta = request.GET.get("tahun", "")
    if diminta.isdigit() and 2000 <= int(diminta) <= 2100 and not request.GET.get("triwulan"):
        # A year asked for without a quarter opens on the quarter of that year.
        triwulan = baca.triwulan_bawaan(int(diminta), opd)
    saring = DasborWilayahFilter(request.GET, queryset=opd, skala=skala, bawaan={"tahun": tahun, "triwulan": triwulan})
    if not saring.is_valid():
        return saring, None
    d = saring.form.cleaned_data
    data = baca.ringkasan_wilayah(saring.qs, int(d["tahun"]), int(d["triwulan"]), skala=skala)
    return saring, replace(data, baris=urutkan(saring.saring(data.baris), request.GET.get("urut", "nama")))


@login_required
@require_GET
@baca_dari_replika
def wilayah(request):
    saring, data = _wilayah(request)
    if data is None:
        return render(request, "laporan/dasbor/wilayah.html", {"saring": saring}, status=400)
    kueri = request.GET.copy()
    kueri.pop("urut", None)
    triwulan = data.triwulan

    def tautan(opd):
        return reverse("laporan:dasbor_opd", args=[opd.kode, data.tahun]) + f"?triwulan={triwulan}"

    batang, titik = bangun.grafik_wilayah(data)
    per_kuadran = []
    for nama, jumlah in data.per_kuadran:
        pilihan = request.GET.copy()  # the other filters and the sort kept
        pilihan["kuadran"] = nama
        per_kuadran.append((nama, jumlah, f"?{pilihan.urlencode()}"))
    konteks = {
        "saring": saring,
        "data": data,
        "tabel": bangun.tabel_wilayah(data, tautan=tautan, ringkas=True),
        "batang": batang,
        "titik": titik,
        "per_kuadran": per_kuadran,
        "pengurutan": {"kueri": f"{kueri.urlencode()}&" if kueri else "", "kunci": request.GET.get("urut", "nama")},
        "kueri": request.GET.urlencode(),
        "catatan_rata_rata": bangun.catatan_rata_rata_wilayah(data),
        "uraian_rata_rata": bangun.uraian_rata_rata_wilayah(data),
        "tenggat": terlambat.jumlah_tenggat(data),
    }
    return render(request, "laporan/dasbor/wilayah.html", konteks)


@login_required
@require_GET
@baca_dari_replika
def wilayah_unduh(request, format):
    if format not in ("xlsx", "pdf"):
        raise Http404("Format unduhan: xlsx atau pdf.")
    saring, data = _wilayah(request)
    if data is None:
        pesan = "; ".join(f"{saring.form.fields[f].label}: {' '.join(e)}" for f, e in saring.form.errors.items())
        return HttpResponse(f"Pilihan tidak sah. {pesan}", status=400, content_type="text/plain; charset=utf-8")
    return _unduh(request, bangun.laporan_wilayah(data), format)


# ---------------------------------------------------------------------------------------------
# One agency, drilled down
# ---------------------------------------------------------------------------------------------


def _simpul(request, kode, tahun, level, pk):
    opd = get_object_or_404(PerangkatDaerah.objects.for_user(request.user), kode=kode)
    data = baca.dasbor_opd(opd, tahun, _triwulan(request, tahun, opd))
    if data.akar is None:
        raise Http404(f"Tidak ada Renstra yang berlaku pada tahun {tahun}.")
    simpul = data.akar if level == "opd" else data.cari(LEVEL_URL.get(level, ""), pk)
    if simpul is None:
        raise Http404("Tidak ditemukan di Renstra perangkat daerah ini.")
    return data, simpul


def url_simpul(data, simpul):
    if simpul.level == "opd":
        url = reverse("laporan:dasbor_opd", args=[data.opd.kode, data.tahun])
    else:
        url = reverse(
            "laporan:dasbor_simpul", args=[data.opd.kode, data.tahun, URL_LEVEL[simpul.level], simpul.objek.pk]
        )
    return f"{url}?triwulan={data.triwulan}"


def url_indikator(data, indikator):
    url = reverse("laporan:dasbor_indikator", args=[data.opd.kode, data.tahun, indikator.pk])
    return f"{url}?triwulan={data.triwulan}"


@login_required
@require_GET
@baca_dari_replika
def opd(request, kode, tahun, level="opd", pk=None):
    data, simpul = _simpul(request, kode, tahun, level, pk)
    konteks = {
        "data": data,
        "simpul": simpul,
        "jalur": [(s, url_simpul(data, s)) for s in simpul.jalur],
        "anak": bangun.tabel_anak(data, simpul, tautan=lambda s: url_simpul(data, s)) if simpul.anak else None,
        "indikator": bangun.tabel_indikator(data, simpul, tautan=lambda i: url_indikator(data, i))
        if simpul.kinerja
        else None,
        "unduh": _url_unduh_simpul(data, simpul),
        "opd": data.opd,
        "catatan_rata_rata": bangun.catatan_rata_rata_simpul(data, simpul),
        "uraian_rata_rata": bangun.uraian_rata_rata_simpul(data, simpul),
    }
    if simpul.level == "opd":
        konteks["grafik_program"], konteks["tabel_program"] = bangun.program_sebaran(
            data, tautan=lambda s: url_simpul(data, s)
        )
        konteks["catatan_data"] = ringkasan_catatan(data.opd, data.tahun)
        konteks["url_catatan_admin"] = _url_catatan_admin(request.user, data.opd, data.tahun)
    return render(request, "laporan/dasbor/opd.html", konteks)


def _url_catatan_admin(user, opd, tahun):
    """The Admin's list of the agency's open data notes of the year (and of its Renstra, which
    have no year), for those who may open it."""
    if not (user.is_staff and user.has_perm("kinerja.view_catatandata")):
        return ""
    kueri = urlencode({"opd": opd.pk, "untuk_tahun": tahun, "status__exact": CatatanData.Status.TERBUKA})
    return f"{reverse('admin:kinerja_catatandata_changelist')}?{kueri}"


def _url_unduh_simpul(data, simpul):
    if simpul.level == "opd":
        url = reverse("laporan:dasbor_opd_unduh", args=[data.opd.kode, data.tahun])
    else:
        level = URL_LEVEL[simpul.level]
        url = reverse("laporan:dasbor_simpul_unduh", args=[data.opd.kode, data.tahun, level, simpul.objek.pk])
    return f"{url}?triwulan={data.triwulan}"


@login_required
@require_GET
@baca_dari_replika
def opd_unduh(request, kode, tahun, level="opd", pk=None):
    data, simpul = _simpul(request, kode, tahun, level, pk)
    return _unduh(request, bangun.laporan_simpul(data, simpul), "xlsx")


# ---------------------------------------------------------------------------------------------
# One indicator
# ---------------------------------------------------------------------------------------------


def _indikator(request, kode, tahun, pk):
    opd = get_object_or_404(PerangkatDaerah.objects.for_user(request.user), kode=kode)
    indikator = get_object_or_404(
        Indikator.objects.filter(renstra__opd=opd).select_related(
            "renstra__opd", "skala_tingkat", "pendahulu__renstra", "pendahulu__pendahulu__renstra"
        ),
        pk=pk,
    )
    if not request.user.has_perm("kinerja.lihat_opd", indikator):  # another bidang's, as on its history page
        raise Http404("Indikator tidak ditemukan.")
    if not indikator.renstra.mencakup(tahun):
        raise Http404(f"Indikator ini milik Renstra {indikator.renstra.periode}.")
    skala = skala_laporan("dasbor")
    return opd, indikator, skala, baca.dasbor_indikator(indikator, tahun, skala=skala)


@login_required
@require_GET
@baca_dari_replika
def indikator(request, kode, tahun, pk):
    opd, i, skala, data = _indikator(request, kode, tahun, pk)
    triwulan = _triwulan(request, tahun, opd)
    # The node the indicator belongs to (a sasaran's, when it serves its tujuan too).
    args = [opd.kode, tahun, URL_LEVEL[i.level], i.pemilik.pk]
    pemilik = reverse("laporan:dasbor_simpul", args=args) + f"?triwulan={triwulan}"
    konteks = {
        "opd": opd,
        "indikator": i,
        "data": data,
        "tahun": tahun,
        "triwulan": triwulan,
        "url_opd": reverse("laporan:dasbor_opd", args=[opd.kode, tahun]) + f"?triwulan={triwulan}",
        "url_pemilik": pemilik,
        "tabel_triwulan": bangun.tabel_triwulan(data, skala),
        "tabel_tahunan": bangun.tabel_tahunan(data),
        "grafik": bangun.grafik_tahunan(data),
        "riwayat": riwayat_indikator(i)[:RIWAYAT_DITAMPILKAN],
        "unduh": reverse("laporan:dasbor_indikator_unduh", args=[opd.kode, tahun, i.pk]),
    }
    return render(request, "laporan/dasbor/indikator.html", konteks)


@login_required
@require_GET
@baca_dari_replika
def indikator_unduh(request, kode, tahun, pk):
    _, _, skala, data = _indikator(request, kode, tahun, pk)
    return _unduh(request, bangun.laporan_indikator(data, skala), "xlsx")


# ---------------------------------------------------------------------------------------------
# The lateness board
# ---------------------------------------------------------------------------------------------


URUT_KETERLAMBATAN = "-terlambat"  # the longest overdue first


def _keterlambatan(request):
    """The board of the agencies in the reviewer's scope for the year asked for (?tahun=, by
    default the year being reported), sorted (?urut=); 403 for operators, 404 for a year that is
    not one."""
    if not request.user.has_perm(IZIN_SEMUA_OPD):
        raise PermissionDenied("Papan keterlambatan untuk verifikator dan admin.")
    tahun = request.GET.get("tahun") or str(triwulan_pelaporan()[0])
    if not tahun.isdigit() or not 2000 <= int(tahun) <= 2100:
        raise Http404("Tahun tidak dikenal.")
    opd = PerangkatDaerah.objects.for_user(request.user).order_by("nama")
    papan = terlambat.papan_keterlambatan(opd, int(tahun))
    return replace(papan, baris=terlambat.urutkan(papan.baris, request.GET.get("urut", URUT_KETERLAMBATAN)))


@login_required
@require_GET
@baca_dari_replika
def keterlambatan(request):
    papan = _keterlambatan(request)
    kueri = request.GET.copy()
    kueri.pop("urut", None)

    def tautan(b):
        return reverse("kinerja:tinjau", args=[b.opd.kode, b.tahun, b.triwulan])

    konteks = {
        "papan": papan,
        "tabel": bangun_terlambat.tabel_keterlambatan(papan, tautan=tautan),
        "pengurutan": {
            "kueri": f"{kueri.urlencode()}&" if kueri else "",
            "kunci": request.GET.get("urut", URUT_KETERLAMBATAN),
        },
        "kueri": request.GET.urlencode(),
    }
    return render(request, "laporan/dasbor/keterlambatan.html", konteks)


@login_required
@require_GET
@baca_dari_replika
def keterlambatan_unduh(request, format):
    if format not in ("xlsx", "pdf"):
        raise Http404("Format unduhan: xlsx atau pdf.")
    return _unduh(request, bangun_terlambat.laporan_keterlambatan(_keterlambatan(request)), format)
