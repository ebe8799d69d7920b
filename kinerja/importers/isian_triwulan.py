"""Isian triwulan luring: the entry page of one unit and quarter as a workbook, filled offline
where the connection is weak and brought back through the import preview.

The workbook (`buat_buku`) holds every row the entry page holds for the unit (the agency, or
one bidang when it reports per bidang; a bidang operator's own rows only): the indicator's key,
version and fingerprint in hidden columns, its node's code and name, satuan, the year's target,
the earlier quarters, and this quarter's value, components and narrative; each sub kegiatan's
budget and spending. An annual indicator is in triwulan IV's workbook only, as the year's value.
A hidden sheet names the agency, unit, year and quarter the file is for.

Reading it back (`impor`) follows the entry page's save (kinerja/isian.py, services.simpan_isian):
the values are validated by the page's own forms; a row counts as changed only when its values
differ from those downloaded (the fingerprint); a changed row saved by someone else since the
download (another version) is a conflict and nothing is written; a submitted or verified quarter
refuses the whole file. Rows are written with the pipeline's writer, which takes the quarter's
submission lock first (kinerja/versi.py) and records each row's history.
"""

from datetime import datetime
from decimal import Decimal
from io import BytesIO

from django.utils import timezone

from kinerja import rules
from kinerja.audit import catat_setelah_commit, nama_pengguna
from kinerja.forms import NARASI, AnggaranForm, RealisasiForm, sidik
from kinerja.isian import awal_anggaran, awal_realisasi
from kinerja.models import Pelaporan, Realisasi, RealisasiAnggaran
from kinerja.periode import romawi, sudah_lewat
from kinerja.selectors import _nilai_realisasi, isian_triwulan, target_berlaku
from renstra.models import Bidang
from renstra.resources import sel_teks

from .hasil import DIBUAT, DIUBAH, TETAP, huruf_kolom
from .selaras import Penyelaras

FORMAT = "isian-triwulan"
JUDUL = "Isian triwulan (luring)"
URUTAN_TULIS = (Realisasi, RealisasiAnggaran)
LEMBAR = "Isian"
LEMBAR_DATA = "Kinerja"
BARIS_KEPALA = 7  # the header row of the sheet "Isian"
TERKUNCI = (Pelaporan.Status.DIAJUKAN, Pelaporan.Status.DIVERIFIKASI)
_RUPIAH = "#,##0"
_NAMA_REALISASI = Realisasi._meta.verbose_name.capitalize()
_NAMA_ANGGARAN = RealisasiAnggaran._meta.verbose_name.capitalize()


def _kolom(tahun, triwulan):
    """(key, header, width, editable) of the sheet's columns, in order."""
    kolom = [
        ("kunci", "Kunci", 10, False),
        ("versi", "Versi", 6, False),
        ("asal", "Sidik", 10, False),
        ("kode", "Kode", 18, False),
        ("simpul", "Tujuan / Sasaran / Program / Kegiatan / Sub Kegiatan", 36, False),
        ("indikator", "Indikator", 42, False),
        ("satuan", "Satuan", 11, False),
        ("target", f"Target {tahun}", 13, False),
    ]
    kolom += [(f"tw{tw}", f"Realisasi TW {romawi(tw)}", 12, False) for tw in range(1, triwulan)]
    kolom += [
        ("periode", "Diisi untuk", 14, False),
        ("nilai", "Realisasi", 15, True),
        ("pembilang", "Pembilang", 15, True),
        ("penyebut", "Penyebut", 15, True),
    ]
    kolom += [(n, str(Realisasi._meta.get_field(n).verbose_name).capitalize(), 30, True) for n in NARASI]
    return kolom


# --- the workbook ---------------------------------------------------------------------------


def _baris_berurut(halaman):
    """("I", indicator row, node) and ("A", budget row, node) in the entry page's order, leaving
    out annual indicators before the quarter that closes the year."""

    def ditanya(b):
        return not getattr(b.indikator, "tahunan", False) or halaman.triwulan == 4

    for b in halaman.strategis:
        if ditanya(b):
            yield "I", b, b.indikator.sasaran or b.indikator.tujuan

    def blok(bl):
        for b in bl.baris:
            if ditanya(b):
                yield "I", b, bl.simpul
        if bl.anggaran is not None:
            simpul = bl.simpul.kegiatan if getattr(bl.simpul, "mewakili_kegiatan", False) else bl.simpul
            yield "A", bl.anggaran, simpul
        for anak in bl.anak:
            yield from blok(anak)

    for bp in halaman.program:
        yield from blok(bp)


def _angka(ws, baris, kolom, nilai, format_angka=None):
    c = ws.cell(row=baris, column=kolom, value=nilai)
    if isinstance(nilai, Decimal | int):
        c.number_format = format_angka or ("#,##0" if nilai == int(nilai) else "#,##0.00##")
    return c


def _teks(ws, baris, kolom, teks):
    return sel_teks(ws.cell(row=baris, column=kolom, value=teks or None))


def _target(b):
    t = target_berlaku(b.target_tahun)
    if t is None:
        return None
    if t.tingkat_id:
        return t.tingkat.nama
    if t.batas_bawah is not None and t.batas_atas is not None:
        return f"{rules.format_angka(t.batas_bawah, None)} – {rules.format_angka(t.batas_atas, None)}"
    return t.nilai


def _nilai_tw(b, tw):
    r = b.realisasi.get(tw)
    return _nilai_realisasi(b.indikator, r) if r is not None else None


def buat_buku(halaman, pelaporan, user=None):
    """The workbook of `halaman` (selectors.isian_triwulan of one unit and quarter) as XLSX bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    tahun, triwulan = halaman.tahun, halaman.triwulan
    kolom = _kolom(tahun, triwulan)
    indeks = {k: i for i, (k, *_) in enumerate(kolom, start=1)}
    buku = Workbook()
    ws = buku.active
    ws.title = LEMBAR
    unit = str(halaman.bidang) if halaman.bidang else "Seluruh perangkat daerah"
    sekarang = timezone.localtime()
    oleh = f" oleh {user}" if user is not None else ""
    judul = [
        f"Isian realisasi triwulan {romawi(triwulan)} {tahun} (luring)",
        f"{halaman.opd.nama} · {unit}",
        f"Diunduh {rules.format_waktu(sekarang)}{oleh}; status: {pelaporan.get_status_display().lower()}.",
        "Isi hanya sel berlatar kuning (realisasi, atau pembilang dan penyebut, atau tingkatan; narasi). Angka "
        "ditulis seperti biasa (1.234,5). Jangan mengubah, menyisipkan atau menghapus baris.",
        "Unggah kembali lewat menu Impor, format “Isian triwulan (luring)”. Baris yang diubah orang lain sejak "
        "berkas ini diunduh ditolak sebagai bentrok; unduh lagi bila perlu. Lihat juga lembar Petunjuk.",
    ]
    for r, teks in enumerate(judul, start=1):  # in the first visible column: A to C are hidden
        _teks(ws, r, indeks["kode"], teks)
    ws.cell(row=1, column=indeks["kode"]).font = Font(bold=True, size=13)
    kepala = PatternFill("solid", fgColor="DDE7F0")
    isian = PatternFill("solid", fgColor="FFF7CC")
    abu = PatternFill("solid", fgColor="EEEEEE")
    for k, (_, judul, lebar, _) in enumerate(kolom, start=1):
        c = ws.cell(row=BARIS_KEPALA, column=k, value=judul)
        c.font = Font(bold=True)
        c.fill = kepala
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[huruf_kolom(k - 1)].width = lebar
    for k in ("kunci", "versi", "asal"):
        ws.column_dimensions[huruf_kolom(indeks[k] - 1)].hidden = True

    nomor = BARIS_KEPALA
    for jenis, b, simpul in _baris_berurut(halaman):
        nomor += 1
        _teks(ws, nomor, indeks["kode"], simpul.kode_tampil)
        _teks(ws, nomor, indeks["simpul"], simpul.uraian)
        edit = set()
        if jenis == "I":
            ind = b.indikator
            form = RealisasiForm(prefix="r", indikator=ind, tingkatan=b.tingkatan)
            awal_realisasi(form, b.realisasi_ini)
            ws.cell(row=nomor, column=indeks["kunci"], value=f"I{ind.pk}")
            _teks(ws, nomor, indeks["indikator"], ind.uraian)
            _teks(ws, nomor, indeks["satuan"], ind.satuan)
            target = _target(b)
            (_angka if isinstance(target, Decimal) else _teks)(ws, nomor, indeks["target"], target)
            for tw in range(1, triwulan):
                nilai = _nilai_tw(b, tw)
                (_angka if isinstance(nilai, Decimal) else _teks)(ws, nomor, indeks[f"tw{tw}"], nilai)
            tahunan = getattr(ind, "tahunan", False)
            _teks(ws, nomor, indeks["periode"], f"Setahun {tahun} (tahunan)" if tahunan else f"TW {romawi(triwulan)}")
            r = b.realisasi_ini
            if "tingkat" in form.fields:
                edit.add("nilai")
                _teks(ws, nomor, indeks["nilai"], r.tingkat.nama if r and r.tingkat_id else None)
                nama = [t.nama for t in b.tingkatan]
                daftar = ",".join(nama)
                if nama and len(daftar) < 250 and not any("," in n or '"' in n for n in nama):
                    dv = DataValidation(type="list", formula1=f'"{daftar}"', allow_blank=True)
                    dv.error = f"Pilih salah satu: {', '.join(nama)}."
                    ws.add_data_validation(dv)
                    dv.add(ws.cell(row=nomor, column=indeks["nilai"]))
            elif "pembilang" in form.fields:
                edit |= {"pembilang", "penyebut"}
                _angka(ws, nomor, indeks["pembilang"], r.pembilang if r else None)
                _angka(ws, nomor, indeks["penyebut"], r.penyebut if r else None)
            else:
                edit.add("nilai")
                _angka(ws, nomor, indeks["nilai"], r.nilai if r else None)
            for n in NARASI:
                edit.add(n)
                c = _teks(ws, nomor, indeks[n], getattr(r, n) if r else "")
                c.alignment = Alignment(wrap_text=True, vertical="top")
        else:
            form = AnggaranForm(prefix="a")
            awal_anggaran(form, b.realisasi_ini)
            ws.cell(row=nomor, column=indeks["kunci"], value=f"A{b.sub_kegiatan.pk}")
            _teks(ws, nomor, indeks["indikator"], "Realisasi keuangan (Rp); kolom target berisi pagu")
            _teks(ws, nomor, indeks["satuan"], "Rp")
            _angka(ws, nomor, indeks["target"], b.pagu, _RUPIAH)
            for tw in range(1, triwulan):
                _angka(ws, nomor, indeks[f"tw{tw}"], b.per_triwulan[tw - 1], _RUPIAH)
            _teks(ws, nomor, indeks["periode"], f"TW {romawi(triwulan)}")
            edit.add("nilai")
            _angka(ws, nomor, indeks["nilai"], b.realisasi_ini.nilai if b.realisasi_ini else None, _RUPIAH)
        ws.cell(row=nomor, column=indeks["versi"], value=form.initial["versi"])
        ws.cell(row=nomor, column=indeks["asal"], value=form.initial["asal"])
        for k, (kunci, *_rest) in enumerate(kolom, start=1):
            c = ws.cell(row=nomor, column=k)
            if kunci in edit:
                c.protection = Protection(locked=False)
                c.fill = isian
            elif kunci in ("nilai", "pembilang", "penyebut"):
                c.fill = abu
            if kunci in ("kode", "simpul", "indikator"):
                c.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = ws.cell(row=BARIS_KEPALA + 1, column=indeks["satuan"])
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.formatCells = False

    petunjuk = buku.create_sheet("Petunjuk")
    for teks in _PETUNJUK:
        petunjuk.append([teks])
    petunjuk["A1"].font = Font(bold=True)
    petunjuk.column_dimensions["A"].width = 120
    for baris in petunjuk.iter_rows():
        baris[0].alignment = Alignment(wrap_text=True, vertical="top")

    data = buku.create_sheet(LEMBAR_DATA)
    for pasangan in (
        ("format", FORMAT),
        ("opd", halaman.opd.kode),
        ("tahun", tahun),
        ("triwulan", triwulan),
        ("unit", halaman.bidang.pk if halaman.bidang else ""),
        ("nama unit", unit),
        ("diunduh", sekarang.isoformat(timespec="seconds")),
    ):
        data.append(list(pasangan))
    data.sheet_state = "hidden"
    data.protection.sheet = True
    keluaran = BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


_PETUNJUK = [
    "Petunjuk pengisian: isian triwulan luring",
    "1. Berkas ini diunduh dari halaman isian realisasi untuk satu perangkat daerah (atau satu bidang), satu tahun "
    "dan satu triwulan. Ia hanya dapat diunggah untuk perangkat daerah, tahun dan triwulan yang sama.",
    "2. Isi sel berlatar kuning: realisasi triwulan (angka, atau nama tingkatan untuk indikator kualitatif), "
    "pembilang dan penyebut untuk indikator berumus, rencana aksi, permasalahan, tindak lanjut dan keterangan; "
    "pada baris realisasi keuangan, rupiah tanpa sen.",
    "3. Satuan hitungan (orang, dokumen, …) diisi bilangan bulat kecuali indikatornya membolehkan pecahan. "
    "Sel kosong berarti belum dilaporkan.",
    "4. Indikator tahunan hanya muncul pada isian triwulan IV dan diisi dengan realisasi setahun.",
    "5. Unggah kembali lewat menu Impor, format “Isian triwulan (luring)”: aplikasi menampilkan pratinjau; data "
    "disimpan setelah Anda menyetujuinya, seluruhnya atau tidak sama sekali.",
    "6. Baris yang diubah orang lain sejak berkas ini diunduh ditolak sebagai bentrok dan tidak ada yang disimpan; "
    "unduh isian terbaru dan isi lagi baris itu. Triwulan yang sudah diajukan atau diverifikasi tidak dapat diubah.",
]


def templat(tahun):
    """The Impor page's template of this format: the layout only; the filled workbook of a unit
    comes from its entry page ("Unduh isian Excel (luring)")."""
    from openpyxl import Workbook

    buku = Workbook()
    ws = buku.active
    ws.title = LEMBAR
    ws["A1"] = "Unduh isian yang sudah berisi indikator Anda dari halaman Realisasi: “Unduh isian Excel (luring)”."
    for k, (_, judul, lebar, _) in enumerate(_kolom(tahun, 4), start=1):
        ws.cell(row=BARIS_KEPALA, column=k, value=judul)
        ws.column_dimensions[huruf_kolom(k - 1)].width = lebar
    petunjuk = buku.create_sheet("Petunjuk")
    for teks in _PETUNJUK:
        petunjuk.append([teks])
    keluaran = BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


# --- reading it back ------------------------------------------------------------------------


def _abaikan(hasil, lembar, nomor, alasan):
    """Account for a row that holds no data (a title, the header, instructions); the account of
    rows is kept by `Hasil` when it has one."""
    if hasattr(hasil, "abaikan"):
        hasil.abaikan(lembar, nomor, alasan)


def _catat_tetap(hasil, nomor, model):
    hasil.hitung(model, TETAP)
    if hasattr(hasil, "catat_letak"):
        hasil.catat_letak((LEMBAR, nomor), TETAP)


def _abaikan_selain_isian(hasil, lembar_daftar):
    for lembar in lembar_daftar:
        for nomor, _isi in enumerate(lembar.baris, start=1):
            if lembar.nama != LEMBAR:
                _abaikan(hasil, lembar.nama, nomor, "Lembar petunjuk atau keterangan berkas, bukan isian.")
            elif nomor <= BARIS_KEPALA:
                _abaikan(hasil, lembar.nama, nomor, "Judul, petunjuk atau kepala tabel.")


def _data_berkas(lembar_daftar):
    lembar = next((lb for lb in lembar_daftar if lb.nama == LEMBAR_DATA), None)
    if lembar is None:
        return None
    return {str(b[0]).strip(): b[1] if len(b) > 1 else None for b in lembar.baris if b and b[0] is not None}


def _bilangan(nilai):
    try:
        return int(str(nilai).strip())
    except (TypeError, ValueError):
        return None


def _sebagai_teks(nilai):
    """A cell as the entry page's field would receive it: numbers written the Indonesian way."""
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return str(nilai)
    if isinstance(nilai, int | float | Decimal):
        return rules.format_angka(rules.parse_angka(nilai), desimal=None)
    if isinstance(nilai, datetime):
        return rules.format_tanggal(nilai.date())  # a number the spreadsheet turned into a date: refused
    return str(nilai)


def impor(lembar_daftar, *, opd, tahun, user, hasil, kemajuan=None):
    _abaikan_selain_isian(hasil, lembar_daftar)
    data = _data_berkas(lembar_daftar)
    lembar = next((lb for lb in lembar_daftar if lb.nama == LEMBAR), None)
    if data is None or data.get("format") != FORMAT or lembar is None:
        hasil.tambah(
            "Berkas ini bukan isian triwulan luring: unduh isiannya dari halaman Realisasi "
            "(“Unduh isian Excel (luring)”), isi, lalu unggah berkas itu tanpa mengubah nama lembarnya."
        )
        return None
    triwulan = _bilangan(data.get("triwulan"))
    tahun_berkas = _bilangan(data.get("tahun"))
    if str(data.get("opd") or "") != opd.kode:
        hasil.tambah(
            f"Berkas ini isian perangkat daerah berkode {data.get('opd')}, bukan {opd.kode} ({opd.nama}) yang dipilih.",
            LEMBAR_DATA,
        )
    if tahun_berkas != tahun:
        hasil.tambah(f"Berkas ini isian tahun {data.get('tahun')}, bukan tahun {tahun} yang dipilih.", LEMBAR_DATA)
    if triwulan not in (1, 2, 3, 4):
        hasil.tambah(f"Triwulan berkas ini tidak dikenal ({data.get('triwulan')}).", LEMBAR_DATA)
    if not hasil.sah:
        return None
    bidang = None
    unit_id = _bilangan(data.get("unit"))
    if opd.pelaporan_per_bidang and unit_id is not None:
        bidang = Bidang.objects.filter(pk=unit_id, opd=opd).first()
        if bidang is None:
            hasil.tambah(f"Bidang berkas ini ({data.get('nama unit')}) tidak ada di {opd.nama}.", LEMBAR_DATA)
            return None
    pelaporan = Pelaporan.objects.filter(opd=opd, bidang=bidang, tahun=tahun, triwulan=triwulan).first() or Pelaporan(
        opd=opd, bidang=bidang, tahun=tahun, triwulan=triwulan
    )
    unit = bidang.nama if bidang else opd.nama
    admin = user is None or user.has_perm("kinerja.add_impor")
    if not admin and not user.has_perm("kinerja.isi_pelaporan", pelaporan):
        hasil.tambah(f"Anda tidak dapat mengisi realisasi {unit}; berkas ini isian unit itu.", LEMBAR_DATA)
        return None
    if pelaporan.status in TERKUNCI:
        hasil.tambah(
            f"Triwulan {romawi(triwulan)} {tahun} {unit} sudah berstatus "
            f"{pelaporan.get_status_display().lower()}: isiannya terkunci dan tidak ada yang diimpor. Minta "
            "verifikator mengembalikannya bila perlu diperbaiki."
        )
        return None
    pengguna = user if user is not None and user.opd_id else None
    halaman = isian_triwulan(opd, tahun, triwulan, bidang=bidang, pengguna=pengguna)
    penyelaras = _Penyelaras(hasil, user, alasan=f"Impor {JUDUL} {tahun} TW {romawi(triwulan)}")
    penyelaras.pelaporan = pelaporan
    _Pembaca(halaman, pelaporan, penyelaras, lembar).baca(kemajuan)
    return penyelaras


class _Penyelaras(Penyelaras):
    """The pipeline's writer, with the entry save's audit record."""

    pelaporan = None

    def tulis(self, urutan):
        super().tulis(urutan)
        h, p = self.hasil, self.pelaporan
        catat_setelah_commit(
            "realisasi.disimpan",
            pengguna=nama_pengguna(self.user),
            opd=p.opd.kode,
            bidang=p.bidang.nama if p.bidang_id else None,
            tahun=p.tahun,
            triwulan=p.triwulan,
            realisasi_dibuat=h.jumlah[_NAMA_REALISASI][DIBUAT],
            realisasi_diubah=h.jumlah[_NAMA_REALISASI][DIUBAH],
            anggaran_dibuat=h.jumlah[_NAMA_ANGGARAN][DIBUAT],
            anggaran_diubah=h.jumlah[_NAMA_ANGGARAN][DIUBAH],
            anggaran_dihapus=0,
            terlambat=sudah_lewat(p.tahun, p.triwulan, p),
            sumber=FORMAT,
        )


class _Pembaca:
    def __init__(self, halaman, pelaporan, penyelaras, lembar):
        self.halaman, self.p, self.lembar = halaman, penyelaras, lembar
        self.hasil = penyelaras.hasil
        self.kolom = _kolom(halaman.tahun, halaman.triwulan)
        self.baris_isian = {f"I{b.indikator.pk}": b for b in halaman.baris}
        self.baris_anggaran = {f"A{a.sub_kegiatan.pk}": a for a in halaman.anggaran}
        self.terlambat = sudah_lewat(halaman.tahun, halaman.triwulan, pelaporan)
        self.unit = str(halaman.bidang or getattr(penyelaras.user, "bidang", None) or halaman.opd)

    def _cari_kolom(self):
        kepala = self.lembar.baris[BARIS_KEPALA - 1] if len(self.lembar.baris) >= BARIS_KEPALA else []
        teks = {str(v).strip(): i for i, v in enumerate(kepala) if v is not None}
        indeks, hilang = {}, []
        for kunci, judul, *_ in self.kolom:
            if judul in teks:
                indeks[kunci] = teks[judul]
            else:
                hilang.append(judul)
        if hilang:
            self.hasil.tambah(
                f"Kolom {', '.join(hilang)} tidak ditemukan pada baris {BARIS_KEPALA}. Jangan mengubah kepala tabel; "
                "unduh isian yang baru bila perlu.",
                LEMBAR,
                BARIS_KEPALA,
            )
            return None
        return indeks

    def baca(self, kemajuan):
        self.indeks = self._cari_kolom()
        if self.indeks is None:
            return
        terlihat = set()
        for nomor, isi in enumerate(self.lembar.baris[BARIS_KEPALA:], start=BARIS_KEPALA + 1):
            if not any(v not in (None, "") for v in isi):
                continue
            self.hasil.baris += 1
            self.isi = isi
            kunci = str(self._sel("kunci") or "").strip()
            if kunci in terlihat:
                self.hasil.tambah(f"Baris {kunci} muncul lebih dari sekali.", LEMBAR, nomor, self.indeks["kunci"])
                continue
            terlihat.add(kunci)
            if kunci in self.baris_isian:
                self._realisasi(self.baris_isian[kunci], nomor)
            elif kunci in self.baris_anggaran:
                self._anggaran(self.baris_anggaran[kunci], nomor)
            else:
                uraian = self._sel("indikator") or self._sel("simpul") or kunci or "tanpa kunci"
                self.hasil.tambah(
                    f"Baris “{uraian}” bukan bagian isian {self.unit} triwulan {romawi(self.halaman.triwulan)} "
                    f"{self.halaman.tahun}; tidak ada yang diimpor. Unggah hanya isian yang diunduh untuk unit Anda.",
                    LEMBAR,
                    nomor,
                )
            if kemajuan and self.hasil.baris % 100 == 0:
                kemajuan(self.hasil.baris)

    def _sel(self, kunci):
        i = self.indeks[kunci]
        return self.isi[i] if i < len(self.isi) else None

    def _data_form(self, form, medan):
        data = {
            f"{form.prefix}-versi": str(_bilangan(self._sel("versi")) or 0),
            f"{form.prefix}-asal": str(self._sel("asal") or ""),
        }
        for f in medan:
            data[f"{form.prefix}-{f}"] = _sebagai_teks(self._sel(f))
        return data

    def _galat_form(self, form, nomor, sebutan, peta=None):
        for f, daftar in form.errors.items():
            kolom = (peta or {}).get(f, f)
            i = self.indeks.get(kolom)
            sel = f"{huruf_kolom(i)}{nomor}" if i is not None else ""
            label = form.fields[f].label if f in form.fields else ""
            for pesan in daftar:
                awal = f"Sel {sel}, {sebutan}" if sel else sebutan
                self.hasil.tambah(f"{awal}, {label}: {pesan}" if label else f"{awal}: {pesan}", LEMBAR, nomor, i)

    def _bentrok(self, sebutan, nomor, versi, tersimpan, anda, simpan):
        oleh = getattr(tersimpan, "diubah_oleh", None) or "pengguna lain"
        pada = getattr(tersimpan, "diubah_pada", None)
        waktu = f" pada {rules.format_waktu(timezone.localtime(pada))}" if pada else ""
        sekarang = tersimpan.versi if tersimpan else 0
        self.hasil.tambah(
            f"Bentrok: {sebutan} telah diubah oleh {oleh}{waktu} (versi {sekarang}) "
            f"sejak berkas ini diunduh (versi {versi}). Nilai Anda {anda}, tersimpan {simpan}. Tidak ada yang "
            "disimpan; unduh isian terbaru lalu isi lagi baris ini.",
            LEMBAR,
            nomor,
        )

    def _realisasi(self, b, nomor):
        ind = b.indikator
        sebutan = f"indikator “{ind.uraian}”"
        if getattr(ind, "tahunan", False) and self.halaman.triwulan != 4:
            self.hasil.tambah(
                f"Indikator “{ind.uraian}” diukur tahunan: realisasinya diisi pada isian triwulan IV.", LEMBAR, nomor
            )
            return
        form = RealisasiForm(prefix="r", indikator=ind, tingkatan=b.tingkatan)
        medan = [f for f in ("nilai", "pembilang", "penyebut", *NARASI) if f in form.fields]
        data = self._data_form(form, medan)
        if "tingkat" in form.fields:
            nama = _sebagai_teks(self._sel("nilai")).strip()
            cocok = next((t for t in b.tingkatan if t.nama.casefold() == nama.casefold()), None)
            if nama and cocok is None:
                i = self.indeks["nilai"]
                self.hasil.tambah(
                    f"Sel {huruf_kolom(i)}{nomor}, {sebutan}: tingkatan “{nama}” tidak dikenal; pilih salah satu: "
                    f"{', '.join(t.nama for t in b.tingkatan)}.",
                    LEMBAR,
                    nomor,
                    i,
                )
                return
            data["r-tingkat"] = str(cocok.pk) if cocok else ""
        form = RealisasiForm(data, prefix="r", indikator=ind, tingkatan=b.tingkatan)
        if not form.is_valid():
            self._galat_form(form, nomor, sebutan, {"tingkat": "nilai"})
            return
        if not form.diubah():
            _catat_tetap(self.hasil, nomor, _NAMA_REALISASI)
            return
        lama = b.realisasi_ini
        tersimpan = RealisasiForm(prefix="r", indikator=ind, tingkatan=b.tingkatan)
        awal_realisasi(tersimpan, lama)
        baru = form.nilai_bersih()
        if sidik(baru) == tersimpan.initial["asal"]:
            _catat_tetap(self.hasil, nomor, _NAMA_REALISASI)
            return
        versi = form.cleaned_data["versi"]
        if (lama.versi if lama else 0) != versi:
            tingkat = {str(t.pk): t.nama for t in b.tingkatan}
            self._bentrok(
                sebutan,
                nomor,
                versi,
                lama,
                _teks_nilai(baru, tingkat),
                _teks_nilai(_data_tersimpan(lama), tingkat),
            )
            return
        tingkat = next((t for t in b.tingkatan if str(t.pk) == baru.get("tingkat")), None)
        nilai = {
            "nilai": baru.get("nilai"),
            "pembilang": baru.get("pembilang"),
            "penyebut": baru.get("penyebut"),
            "tingkat": tingkat,
            **{n: baru.get(n) or "" for n in NARASI},
            "terlambat": self.terlambat,
        }
        if lama is None:
            if not any(v not in (None, "") for k, v in nilai.items() if k != "terlambat"):
                _catat_tetap(self.hasil, nomor, _NAMA_REALISASI)
                return
            nilai.update(indikator=ind, tahun=self.halaman.tahun, triwulan=self.halaman.triwulan)
        self.p.pasang(
            Realisasi,
            lama,
            nilai,
            (LEMBAR, nomor),
            kolom={
                k: huruf_kolom(self.indeks[k if k != "tingkat" else "nilai"])
                for k in ("nilai", "pembilang", "penyebut", "tingkat", *NARASI)
            },
            judul=f"{ind.uraian} — TW {romawi(self.halaman.triwulan)} {self.halaman.tahun}",
        )

    def _anggaran(self, a, nomor):
        sub = a.sub_kegiatan
        sebutan = f"realisasi keuangan {sub.kode_tampil} {sub.uraian}"
        form = AnggaranForm(self._data_form(AnggaranForm(prefix="a"), ["nilai"]), prefix="a")
        if not form.is_valid():
            self._galat_form(form, nomor, sebutan)
            return
        if not form.diubah():
            _catat_tetap(self.hasil, nomor, _NAMA_ANGGARAN)
            return
        lama = a.realisasi_ini
        nilai = form.cleaned_data["nilai"]
        if (lama.nilai if lama else None) == nilai:
            _catat_tetap(self.hasil, nomor, _NAMA_ANGGARAN)
            return
        versi = form.cleaned_data["versi"]
        if (lama.versi if lama else 0) != versi:
            self._bentrok(
                sebutan,
                nomor,
                versi,
                lama,
                rules.format_rupiah(nilai) or "(kosong)",
                rules.format_rupiah(lama.nilai) if lama else "(kosong)",
            )
            return
        if nilai is None:
            i = self.indeks["nilai"]
            self.hasil.tambah(
                f"Sel {huruf_kolom(i)}{nomor}, {sebutan}: realisasi keuangan yang sudah tersimpan tidak dapat "
                "dikosongkan lewat impor; kosongkan di halaman isian.",
                LEMBAR,
                nomor,
                i,
            )
            return
        data = {"nilai": nilai, "terlambat": self.terlambat}
        if lama is None:
            data.update(sub_kegiatan=sub, tahun=self.halaman.tahun, triwulan=self.halaman.triwulan)
        self.p.pasang(
            RealisasiAnggaran,
            lama,
            data,
            (LEMBAR, nomor),
            kolom={"nilai": huruf_kolom(self.indeks["nilai"])},
            judul=f"Realisasi keuangan TW {romawi(self.halaman.triwulan)} {sub.kode_tampil}",
        )


def _data_tersimpan(r):
    if r is None:
        return {}
    return {"nilai": r.nilai, "pembilang": r.pembilang, "penyebut": r.penyebut, "tingkat": str(r.tingkat_id or "")}


def _teks_nilai(data, tingkat):
    """A realisation as a conflict shows it (services._teks): the level, the components, the value."""
    if data.get("tingkat"):
        return tingkat.get(data["tingkat"], data["tingkat"])
    if data.get("pembilang") is not None:
        return f"{rules.format_angka(data['pembilang'], None)} / {rules.format_angka(data.get('penyebut'), None)}"
    return rules.format_angka(data.get("nilai"), None) or "(kosong)"
