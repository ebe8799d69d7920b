"""Template filters that write numbers, percentages, rupiah and dates for people. All of them
call kinerja.rules: templates never compute or format on their own."""

import datetime
import functools

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from kinerja import periode, rules

register = template.Library()


@register.filter
def angka(nilai, desimal=2):
    """`{{ x|angka }}` → 1.234,50; `{{ x|angka:0 }}` → 1.235; `{{ x|angka:"asli" }}` keeps the
    number's own decimals."""
    return rules.format_angka(nilai, desimal=None if desimal == "asli" else int(desimal))


@register.filter
def nilai(x):
    """`{{ realisasi|nilai }}` → 34.000, 97,62 or a level's name."""
    return rules.format_nilai(x)


@register.filter
def romawi(triwulan):
    """`{{ 3|romawi }}` → III."""
    return periode.romawi(triwulan)


@register.filter
def persen(nilai, desimal=2):
    """`{{ capaian|persen }}` → 88,24%; empty for a capaian that cannot be computed."""
    return rules.format_persen(nilai, int(desimal))


@register.filter
def rupiah(nilai):
    """`{{ pagu|rupiah }}` → Rp 5.367.987.782."""
    return rules.format_rupiah(nilai)


def _lokal(waktu):
    """An aware moment in the installation's time zone (TIME_ZONE); anything else as it is."""
    if isinstance(waktu, datetime.datetime) and timezone.is_aware(waktu):
        return timezone.localtime(waktu)
    return waktu


@register.filter(expects_localtime=True)
def tanggal_id(tanggal):
    """`{{ tanggal|tanggal_id }}` → 3 Januari 2025; of a moment, its local day."""
    return rules.format_tanggal(_lokal(tanggal))


@register.filter(expects_localtime=True)
def waktu_id(waktu):
    """`{{ diajukan_pada|waktu_id }}` → 7 Desember 2026 pukul 09.59, in local time; in a narrow
    column it wraps only before "pukul". With tanggal_id the only ways a page writes a date or a
    time."""
    return rules.format_waktu(_lokal(waktu), spasi="\N{NO-BREAK SPACE}")


@register.filter
def target(t):
    """A target as the documents print it: a number, a band, a level or the printed text."""
    return "" if t is None else t.tertulis(lambda d: rules.format_angka(d, desimal=None))


@register.filter
def triwulan_sebelum(triwulan):
    """`{% for tw in 3|triwulan_sebelum %}` → 1, 2: the quarters before this one."""
    return range(1, int(triwulan))


@register.filter
def sebelum(nilai_per_triwulan, triwulan):
    """The values of the quarters before `triwulan`."""
    return list(nilai_per_triwulan)[: int(triwulan) - 1]


@register.filter
def label_field(form, nama):
    """The label of a form's field, for messages that name the field."""
    return form.fields[nama].label if nama in form.fields else nama


@register.filter
def split_kata(teks):
    return teks.split()


@register.filter
def field(form, nama):
    """`{% with f=form|field:"keterangan" %}`: a bound field by name."""
    return form[nama]


@register.filter
def jumlah_impor(hasil, jenis):
    """`{{ hasil|jumlah_impor:"dibuat" }}`: objects an import creates, changes or leaves alone."""
    return hasil.total(jenis)


@register.filter
def label_status_baris(status):
    """`{{ status|label_status_baris }}`: what became of a row of an imported sheet, in words."""
    from kinerja.importers.hasil import LABEL_STATUS_BARIS

    return LABEL_STATUS_BARIS.get(status, status)


@register.filter
def menit(durasi):
    """`{{ timedelta|menit }}`: whole minutes of a duration (a lock-out's cool-off)."""
    return int(durasi.total_seconds() // 60) if durasi else 0


# --- pieces of the entry page's rows, written in Python (a page has a hundred rows or more) ---

_CONTOH_PK = 987654321  # a pk no indicator has, replaced by the real one in a reversed URL


@functools.lru_cache(maxsize=256)
def _pola_url(urlconf, prefix, nama, args):
    """The URL `nama` with `args` and a pk to come, as the escaped text before and after the pk.
    Keyed by the urlconf and script prefix in force, since a reversal depends on them."""
    pola = reverse(nama, urlconf=urlconf, args=[*args, _CONTOH_PK])
    return tuple(conditional_escape(x) for x in pola.rsplit(str(_CONTOH_PK), 1))


def _url_per_indikator(context, nama, *args):
    """A function pk → the URL `nama` with `args` and that pk, reversing once per process."""
    depan, belakang = _pola_url(get_urlconf(), get_script_prefix(), nama, args)
    return lambda pk: f"{depan}{int(pk)}{belakang}"


@register.simple_tag(takes_context=True)
def url_pk(context, nama, *args):
    """`{% url_pk "kinerja:riwayat" i.pk %}`: `{% url %}` of a row's object (its pk last),
    without reversing again for every row."""
    *depan, pk = args
    return mark_safe(_url_per_indikator(context, nama, *depan)(pk))


def _tulis(nilai):
    """A value as `{{ nilai }}` writes it: localized, escaped unless safe."""
    return conditional_escape(localize(nilai))


@register.simple_tag(takes_context=True)
def atribut_hx(context):
    """The htmx attributes of an entry field: the row's preview (capaian and predikat) as typed."""
    halaman, i = context["halaman"], context["i"]
    url = _url_per_indikator(context, "kinerja:pratinjau", halaman.tahun, halaman.triwulan)(i.pk)
    if halaman.bidang:
        url += f"?unit={_tulis(halaman.bidang.pk)}"
    return mark_safe(
        f' hx-post="{url}" hx-trigger="input changed delay:500ms, change" hx-include="#baris-{int(i.pk)}"'
        ' hx-swap="none"'
    )


@register.simple_tag
def versi_tersembunyi(f):
    """The hidden fields of a row's form that detect a concurrent save: the version and value the
    page was opened with."""
    return mark_safe(_tersembunyi(f["versi"], 0) + _tersembunyi(f["asal"], ""))


def _tersembunyi(field, kosong):
    """`<input type="hidden">` of a bound field, `kosong` for a value of None."""
    nilai = field.value()
    nilai = kosong if nilai is None else nilai
    return f'<input type="hidden" name="{_tulis(field.html_name)}" value="{_tulis(nilai)}">'


@register.simple_tag
def sel_hasil(i, k, galat=None, oob=False):
    """The three result cells of an indicator's row: its value so far, capaian and predikat ("–"
    while the typed value has errors). The preview response swaps them in out of band (`oob`)."""
    pk, swap = int(i.pk), ' hx-swap-oob="true"' if oob else ""
    if galat:
        sampai = capaian = "–"
    else:
        sampai = conditional_escape(rules.format_nilai(k.nilai_tahunan) or "–")
        if k.hasil.nilai is not None:
            capaian = conditional_escape(rules.format_persen(k.hasil.nilai, 2))
        else:
            alasan = _tulis(k.hasil.alasan)
            capaian = f'<span class="tidak-terhitung" title="{alasan}">–<span class="sr"> ({alasan})</span></span>'
    predikat = ""
    if k.predikat and not galat:
        predikat = f'<span class="predikat" data-warna="{_tulis(k.predikat.warna)}">{_tulis(k.predikat.label)}</span>'
    return mark_safe(
        f'<td id="sd-{pk}" class="angka"{swap}>{sampai}</td>\n'
        f'<td id="capaian-{pk}" class="angka"{swap}>{capaian}</td>\n'
        f'<td id="predikat-{pk}"{swap}>{predikat}</td>'
    )
