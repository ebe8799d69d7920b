"""Report pages: the list of reports a user can produce, and each report as HTML, PDF or XLSX.
The agency is fetched through the user's scope, so another agency's report is a 404."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from kinerja.periode import triwulan_terakhir_selesai
from renstra.models import PerangkatDaerah, Renstra
from renstra.querysets import IZIN_SEMUA_OPD

from .builders import DAFTAR, LAPORAN
from .builders.berita_acara import build_berita_acara_wilayah
from .cetak import antrean_di_depan, cetakan_terlihat, minta_cetak
from .forms import PilihanLaporanForm, bangun_pilihan
from .renderers import pdf
from .renderers.html import render_halaman
from .renderers.xlsx import render_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HURUF = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}


def _opd_pengguna(user):
    return PerangkatDaerah.objects.for_user(user).order_by("nama")


@login_required
@require_GET
def daftar(request):
    """Every report for every agency in the user's scope, for a year (and a quarter)."""
    form = PilihanLaporanForm(request.GET, opd_queryset=_opd_pengguna(request.user))
    form.is_valid()
    tahun = form.cleaned_data.get("tahun") or timezone.localdate().year
    triwulan = form.cleaned_data.get("triwulan")
    berlaku = Renstra.objects.filter(opd=OuterRef("pk")).berlaku_pada(tahun)
    opd = _opd_pengguna(request.user).annotate(ada_renstra=Exists(berlaku))
    if form.cleaned_data.get("opd"):
        opd = opd.filter(pk=form.cleaned_data["opd"].pk)
    return render(
        request,
        "laporan/daftar.html",
        {"form": form, "daftar_opd": opd, "jenis": DAFTAR, "tahun": tahun, "triwulan": triwulan},
    )


def _bangun(request, kode, tahun, nama):
    """(jenis, opd, form, laporan or None when the choices are invalid)."""
    jenis = LAPORAN.get(nama)
    if jenis is None:
        raise Http404("Laporan tidak dikenal.")
    opd = get_object_or_404(_opd_pengguna(request.user), kode=kode)
    data = request.GET.copy()
    data["tahun"] = str(tahun)
    form, laporan = bangun_pilihan(jenis, opd, data, _opd_pengguna(request.user))
    return jenis, opd, form, laporan


def _galat_pilihan(form):
    pesan = "; ".join(f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items())
    return HttpResponse(f"Pilihan laporan tidak sah. {pesan}", status=400, content_type="text/plain; charset=utf-8")


@login_required
@require_GET
def laporan_html(request, kode, tahun, nama):
    jenis, opd, form, laporan = _bangun(request, kode, tahun, nama)
    args = (opd.kode, tahun, jenis.kode)
    query = request.GET.urlencode()
    unduh = {f: reverse(f"laporan:laporan_{f}", args=args) + (f"?{query}" if query else "") for f in ("pdf", "xlsx")}
    pilih_bidang = jenis.per_bidang and opd.bidang.exists()
    boleh_tulis = jenis.bernarasi and laporan is not None and request.user.has_perm("kinerja.tulis_narasi", opd)
    respons = render_halaman(
        request,
        laporan,
        jenis=jenis,
        opd=opd,
        form=form,
        unduh=unduh,
        tahun=tahun,
        pilih_bidang=pilih_bidang,
        boleh_tulis=boleh_tulis,
        di_halaman=True,
    )
    if laporan is None:
        respons.status_code = 400
    return respons


@login_required
@require_GET
def laporan_pdf(request, kode, tahun, nama):
    """The report as PDF: at once when this document was printed already, else printed by the
    worker while a page says so (laporan/cetak.py)."""
    _, opd, form, laporan = _bangun(request, kode, tahun, nama)
    if laporan is None:
        return _galat_pilihan(form)
    return jawab_cetak(request, laporan, opd)


def jawab_cetak(request, laporan, opd):
    """A ready print as the file; otherwise the page that follows its printing."""
    pesan = pdf.periksa_pdf()
    if pesan:
        return HttpResponse(pesan, status=503, content_type="text/plain; charset=utf-8")
    cetakan = minta_cetak(laporan, user=request.user, opd=opd)
    if cetakan.siap:
        return _berkas_cetakan(cetakan)
    return redirect("laporan:cetak", pk=cetakan.pk)


def _berkas_cetakan(cetakan):
    with cetakan.berkas.open("rb") as berkas:
        respons = HttpResponse(berkas.read(), content_type="application/pdf")
    respons["Content-Disposition"] = f'attachment; filename="{cetakan.nama_berkas}"'
    return respons


@login_required
@require_GET
def cetak(request, pk):
    """The page of a print: its place in the queue, then the file. Polled by htmx; reloaded by
    itself without JavaScript."""
    cetakan = get_object_or_404(cetakan_terlihat(request.user), pk=pk)
    konteks = {"cetakan": cetakan, "di_depan": antrean_di_depan(cetakan)}
    if request.htmx:
        return render(request, "laporan/_cetak_status.html", konteks)
    return render(request, "laporan/cetak.html", konteks)


@login_required
@require_GET
def cetak_unduh(request, pk):
    cetakan = get_object_or_404(cetakan_terlihat(request.user), pk=pk)
    if not cetakan.siap:
        return redirect("laporan:cetak", pk=cetakan.pk)
    return _berkas_cetakan(cetakan)


@login_required
@require_GET
def laporan_xlsx(request, kode, tahun, nama):
    _, _, form, laporan = _bangun(request, kode, tahun, nama)
    if laporan is None:
        return _galat_pilihan(form)
    respons = HttpResponse(render_xlsx(laporan), content_type=XLSX)
    respons["Content-Disposition"] = f'attachment; filename="{laporan.nama_berkas}.xlsx"'
    return respons


@login_required
@require_GET
def berita_acara_wilayah(request, format):
    """The region's Berita Acara of a quarter (?tahun=&triwulan=, the last ended quarter by
    default), as XLSX or PDF like the region dashboard's downloads: for reviewers and admins."""
    if not request.user.has_perm(IZIN_SEMUA_OPD):
        raise PermissionDenied("Berita Acara wilayah hanya untuk verifikator dan admin.")
    if format not in ("xlsx", "pdf"):
        raise Http404("Format unduhan: xlsx atau pdf.")
    tahun, triwulan = triwulan_terakhir_selesai()
    form = PilihanLaporanForm(request.GET, opd_queryset=_opd_pengguna(request.user))
    if not form.is_valid():
        return _galat_pilihan(form)
    tahun = form.cleaned_data["tahun"] if "tahun" in request.GET else tahun
    triwulan = form.cleaned_data["triwulan"] or (triwulan if "tahun" not in request.GET else 4)
    laporan = build_berita_acara_wilayah(
        _opd_pengguna(request.user), tahun, triwulan, tanggal=form.cleaned_data["tanggal"]
    )
    if format == "pdf":
        return jawab_cetak(request, laporan, None)
    respons = HttpResponse(render_xlsx(laporan), content_type=XLSX)
    respons["Content-Disposition"] = f'attachment; filename="{laporan.nama_berkas}.xlsx"'
    return respons


@require_GET
@cache_control(max_age=86400, public=True)
def huruf(request, nama):
    """The report font (DejaVu Sans from the system's fonts-dejavu-core), so that a report on
    screen is set in the same font as its PDF."""
    if nama not in HURUF:
        raise Http404
    path = Path(settings.KINERJA_FOLDER_HURUF) / nama
    if not path.is_file():
        raise Http404("Huruf tidak terpasang.")
    return FileResponse(path.open("rb"), content_type="font/ttf")
