"""Template filters that write numbers, percentages, rupiah and dates for people. All of them
call kinerja.rules: templates never compute or format on their own."""

import datetime
import functools

from django import template
from django.conf import settings
from django.template.defaultfilters import capfirst, filesizeformat, linebreaksbr
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


def _url_per_indikator(nama, *args):
    """A function pk → the URL `nama` with `args` and that pk, reversing once per process."""
    depan, belakang = _pola_url(get_urlconf(settings.ROOT_URLCONF), get_script_prefix(), nama, args)
    return lambda pk: f"{depan}{int(pk)}{belakang}"


@register.simple_tag
def url_pk(nama, *args):
    """`{% url_pk "kinerja:riwayat" i.pk %}`: `{% url %}` of a row's object (its pk last),
    without reversing again for every row."""
    *depan, pk = args
    return mark_safe(_url_per_indikator(nama, *depan)(pk))


def _tulis(nilai):
    """A value as `{{ nilai }}` writes it: localized, escaped unless safe."""
    return conditional_escape(localize(nilai))


@register.simple_tag(takes_context=True)
def atribut_hx(context):
    """The htmx attributes of an entry field: the row's preview (capaian and predikat) as typed."""
    halaman, i = context["halaman"], context["i"]
    url = _url_per_indikator("kinerja:pratinjau", halaman.tahun, halaman.triwulan)(i.pk)
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


@register.simple_tag
def sel_indikator(i, k, tw):
    """The first cells of an indicator's row: the indicator with its badges and how its year's
    value is made, its unit, the year's target and the values of the quarters before `tw`."""
    uraian = [_tulis(i.uraian)]
    if i.iku:
        uraian.append(' <span class="lencana" title="Indikator Kinerja Utama">IKU</span>')
    if i.arah == "negatif":
        uraian.append(f' <span class="lencana lencana-negatif" title="{_tulis(i.get_arah_display())}">negatif</span>')
    if i.tahunan:
        uraian.append(f'<span class="cara">{_tulis(i.get_frekuensi_display())}</span>')
    else:
        uraian.append(
            f'<span class="cara" title="Nilai tahunan dari triwulan">{_tulis(i.get_cara_tahunan_display())}</span>'
        )
    t = k.target
    sel_target = f'<span title="Target {_tulis(t.get_jenis_display())}">{_tulis(target(t))}</span>' if t else "–"
    if i.tahunan and tw > 1:
        sebelumnya = f'<td colspan="{tw - 1}" class="tidak-diukur">diukur tahunan</td>'
    else:
        sebelumnya = "".join(f'<td class="angka">{_nilai_atau_strip(v)}</td>' for v in sebelum(k.nilai_triwulan, tw))
    return mark_safe(
        f'<td>{"".join(uraian)}</td>\n<td>{_tulis(i.satuan)}</td>\n<td class="angka">{sel_target}</td>\n{sebelumnya}'
    )


def _nilai_atau_strip(x):
    """`{{ x|nilai|default:"–" }}`."""
    return conditional_escape(rules.format_nilai(x) or "–")


@register.simple_tag
def nilai_baca(baris):
    """This quarter's value of a row that cannot be changed (and its formula's parts)."""
    teks = f'<span class="nilai-baca">{_nilai_atau_strip(baris.nilai_ini)}</span>'
    r, i = baris.realisasi_ini, baris.indikator
    if r is not None and r.pembilang is not None:
        pembilang, penyebut = (conditional_escape(rules.format_nilai(x)) for x in (r.pembilang, r.penyebut))
        teks += (
            f'<span class="cara nilai-baca" title="{_tulis(i.pembilang)} / {_tulis(i.penyebut)}">'
            f"{pembilang} / {penyebut}</span>"
        )
    return mark_safe(teks)


@register.simple_tag
def narasi_baca(baris):
    """The narrative of a row that cannot be changed, "–" for what is empty."""
    return mark_safe(
        "".join(
            f"<div><h4>{conditional_escape(capfirst(label))}</h4><p>{linebreaksbr(isi or '–', True)}</p></div>"
            for label, isi in baris.narasi
        )
    )


@register.simple_tag(takes_context=True)
def data_dukung(context):
    """An indicator's evidence files of the quarter: links, removal buttons and the upload field
    when the page can be changed, its history's link; the response of an upload or a removal
    also updates the count in the row's summary (`oob`)."""
    baris, halaman = context["baris"], context["halaman"]
    ubah, pk = context.get("dapat_diubah"), int(baris.indikator.pk)
    teks = [f'<div class="data-dukung" id="dd-{pk}">\n<h3>Data dukung</h3>\n']
    pesan = context.get("pesan_unggah")
    if pesan:
        kelas = "galat-sel" if context.get("unggah_gagal") else "pesan-singkat"
        teks.append(f'<p class="{kelas}" role="status">{_tulis(pesan)}</p>\n')
    if baris.data_dukung:
        teks.append("<ul>")
        teks.extend(_butir_data_dukung(dd, pk, ubah, halaman) for dd in baris.data_dukung)
        teks.append("</ul>\n")
    else:
        teks.append('<p class="keterangan-kecil">Belum ada.</p>\n')
    if ubah:
        teks.append(
            f'<label for="berkas-{pk}" class="label-kecil">Unggah PDF, gambar, XLSX atau DOCX (paling besar'
            f" {_tulis(context.get('ukuran_maks_mb', ''))} MB)</label>\n"
            f'<input type="file" id="berkas-{pk}" name="berkas" form="unggah-{pk}"'
            ' accept=".pdf,.png,.jpg,.jpeg,.xlsx,.docx" required>\n'
            f'<button type="submit" form="unggah-{pk}" class="tombol-kecil">Unggah</button>\n'
        )
    riwayat = _url_per_indikator("kinerja:riwayat")(pk)
    teks.append(f'<p><a href="{riwayat}">Riwayat perubahan indikator ini</a></p>\n</div>\n')
    if context.get("oob"):
        teks.append(f'<span id="jumlah-dd-{pk}" hx-swap-oob="true">{len(baris.data_dukung)}</span>\n')
    return mark_safe("".join(teks))


def _butir_data_dukung(dd, pk, ubah, halaman):
    """One evidence file's item: its link, size, uploader and time, and its removal button."""
    nama = _tulis(dd.nama_asli)
    unduh = _url_per_indikator("kinerja:unduh_data_dukung")(dd.pk)
    teks = (
        f'<li><a href="{unduh}">{nama}</a> <span class="keterangan-kecil">{_tulis(filesizeformat(dd.ukuran))},'
        f" {_tulis(dd.diunggah_oleh or '')} {_tulis(waktu_id(dd.diunggah_pada))}</span>"
    )
    if ubah:
        hapus = _url_per_indikator("kinerja:hapus_data_dukung")(dd.pk)
        if halaman.bidang:
            hapus += f"?unit={_tulis(halaman.bidang.pk)}"
        teks += (
            f' <button type="submit" form="hapus-{int(dd.pk)}" class="tombol-teks-gelap" hx-post="{hapus}"'
            f' hx-params="none" hx-target="#dd-{pk}" hx-swap="outerHTML" hx-confirm="Hapus data dukung {nama}?">'
            f'Hapus<span class="sr"> {nama}</span></button>'
        )
    return teks + "</li>"


_NARASI = ("rencana_aksi", "permasalahan", "tindak_lanjut", "keterangan")


@register.simple_tag(takes_context=True)
def baris_narasi(context):
    """The row under an indicator's row: its narrative (fields to fill when the page can be
    changed, open when one has an error) and its evidence files, folded in a `<details>`."""
    baris, f = context["baris"], context.get("f")
    i, ubah = baris.indikator, context.get("dapat_diubah")
    pk, r = int(i.pk), baris.realisasi_ini
    terbuka = f is not None and any(n in f.fields and f[n].errors for n in _NARASI)
    narasi = "".join(_narasi_isian(f[n]) for n in _NARASI) if ubah else narasi_baca(baris)
    return mark_safe(
        f'<tr class="baris-narasi{" rincian" if i.induk_id else ""}" id="narasi-{pk}">\n'
        f'<td colspan="{int(context["halaman"].triwulan) + 6}">\n<details{" open" if terbuka else ""}>\n'
        f"<summary>Narasi{' · ada keterangan' if r is not None and r.keterangan else ''} · data dukung"
        f' (<span id="jumlah-dd-{pk}">{len(baris.data_dukung)}</span>)</summary>\n'
        f'<div class="narasi">\n{narasi}\n</div>\n{data_dukung(context)}</details>\n</td>\n</tr>'
    )


def _narasi_isian(field):
    """A narrative field to fill: its label and textarea."""
    nilai = field.value()
    salah = ' aria-invalid="true"' if field.errors else ""
    return (
        f'<div>\n<label for="{_tulis(field.id_for_label)}">{_tulis(field.label)}</label>\n'
        f'<textarea name="{_tulis(field.html_name)}" id="{_tulis(field.id_for_label)}" rows="2" maxlength="4000"'
        f"{salah}>{_tulis('' if nilai is None else nilai)}</textarea>\n</div>\n"
    )


@register.simple_tag(takes_context=True)
def isian_nilai(context):
    """What an indicator's row asks: the hidden version fields, the value (a level to choose, a
    formula's two parts or a number, each previewed as typed) and the row's messages."""
    baris, halaman, f = context["baris"], context["halaman"], context["f"]
    i, pk, hx = baris.indikator, int(baris.indikator.pk), atribut_hx(context)
    teks = [versi_tersembunyi(f), "\n"]
    if i.tahunan:
        teks.append(f'<span class="label-kecil label-tahunan">{_tulis(baris.label_isian)}</span>\n')
    if "tingkat" in f.fields:
        kapan = f"tahunan {_tulis(halaman.tahun)}" if i.tahunan else f"TW {_tulis(romawi(halaman.triwulan))}"
        b = f["tingkat"]
        dipilih = str(b.value())
        opsi = "".join(
            f'<option value="{_tulis(n)}"{" selected" if n == dipilih else ""}>{_tulis(label)}</option>'
            for n, label in f.fields["tingkat"].choices
        )
        teks.append(
            f'<select name="{_tulis(b.html_name)}" id="{_tulis(b.id_for_label)}" aria-label="Tingkatan {kapan}:'
            f' {_tulis(i.uraian)}"{_salah(b)}{hx}>{opsi}</select>'
        )
    elif "pembilang" in f.fields:
        for nama in ("pembilang", "penyebut"):
            b = f[nama]
            teks.append(
                f'<label class="label-kecil" for="{_tulis(b.id_for_label)}">{_tulis(getattr(i, nama))}</label>\n'
                f"{_masukan_angka(b)}{_salah(b)}{hx}>\n"
            )
    else:
        b = f["nilai"]
        teks.append(
            f'{_masukan_angka(b)} aria-label="{_tulis(baris.label_isian)}: {_tulis(i.uraian)}"{_salah(b)}'
            f' aria-describedby="galat-{pk}"{hx}>'
        )
    pesan = "".join(" ".join(map(conditional_escape, p)) + " " for p in f.errors.values())
    teks.append(f'\n<p class="galat-sel" id="galat-{pk}" aria-live="polite">{pesan}</p>')
    return mark_safe("".join(teks))


def _masukan_angka(b):
    """The start of a number's `<input>` for a bound field (its attributes to come)."""
    nilai = b.value()
    return (
        f'<input type="text" inputmode="decimal" autocomplete="off" class="masukan-angka" name="{_tulis(b.html_name)}"'
        f' id="{_tulis(b.id_for_label)}" value="{_tulis("" if nilai is None else nilai)}"'
    )


def _salah(b):
    """` aria-invalid="true"` for a bound field with an error."""
    return ' aria-invalid="true"' if b.errors else ""
