"""A printed total that disagrees with the sum of its parts is a decision, not a warning
(issue 19): the preview asks which is right, and nothing is written until every such question
has an answer. Both answers store the parts as typed (a programme's or kegiatan's total is
never stored: it is the sum of its sub kegiatan), and Kinerja cannot know which part would be
wrong; what differs is the data note the write keeps (kinerja.importers.catatan):

- RINCIAN, "rincian benar, jumlah tercetak salah": the note is resolved as a printed slip
  (CatatanData.Status.CETAKAN_SALAH), saying who chose so;
- TOTAL, "jumlah tercetak benar; salah satu rinciannya salah": the note stays open and names
  the parts, one of which must be corrected.

A question is a warning of `jenis` "jumlah" (Hasil.pertanyaan_jumlah), named by
`Masalah.kunci_keputusan`; the answers are {kunci: RINCIAN | TOTAL}.
"""

from django.utils import timezone

from kinerja.models import CatatanData

from .hasil import Hasil

RINCIAN, TOTAL = "rincian", "total"
PILIHAN = {
    RINCIAN: "Rincian benar, jumlah tercetak salah",
    TOTAL: "Jumlah tercetak benar; salah satu rinciannya salah",
}
# the value of the row a question is about, for people
LABEL_MEDAN = {
    "pagu": "pagu",
    "pagu_induk": "pagu induk",
    "pagu_perubahan": "pagu perubahan",
    "realisasi_anggaran": "realisasi anggaran",
}
AWALAN_ISIAN = "jumlah:"  # the form field of a question: AWALAN_ISIAN + its key


def label(m):
    """ "realisasi anggaran", "pagu 2026": which value of the row the question is about."""
    nama = LABEL_MEDAN.get(m.medan, m.medan or "jumlah")
    return f"{nama} {m.tahun}" if m.tahun else nama


def sebut(m):
    """ "lembar Tabel 3.43 baris 8 (realisasi anggaran)"."""
    letak = m.letak or "berkas"
    return f"{letak} ({label(m)})"


def sebut_semua(daftar):
    return "; ".join(sebut(m) for m in daftar)


def jawaban(hasil, keputusan):
    """The valid answers to `hasil`'s questions: `keputusan` a dict {kunci: pilihan}, or one
    pilihan for every question; keys of no question and unknown choices are dropped."""
    pertanyaan = hasil.pertanyaan_jumlah()
    if isinstance(keputusan, str):
        return {m.kunci_keputusan: keputusan for m in pertanyaan} if keputusan in PILIHAN else {}
    keputusan = keputusan or {}
    return {
        m.kunci_keputusan: keputusan[m.kunci_keputusan]
        for m in pertanyaan
        if keputusan.get(m.kunci_keputusan) in PILIHAN
    }


def belum_dijawab(hasil, keputusan):
    """The questions of `hasil` without a valid answer in `keputusan`."""
    sah = jawaban(hasil, keputusan)
    return [m for m in hasil.pertanyaan_jumlah() if m.kunci_keputusan not in sah]


def dari_isian(data):
    """The answers posted with an approval (`data` a QueryDict or dict, AWALAN_ISIAN + key →
    choice) as {key: choice}; `jawaban` validates them against a preview's questions."""
    return {k[len(AWALAN_ISIAN) :]: v for k, v in data.items() if k.startswith(AWALAN_ISIAN)}


def pesan_belum_dijawab(daftar):
    """Why an approval is refused: the rows whose printed total has no answer yet."""
    return (
        f"Pilih dulu mana yang benar untuk {len(daftar)} jumlah tercetak yang berbeda dari jumlah rinciannya: "
        f"{sebut_semua(daftar)}. Belum ada yang disimpan."
    )


def isi_catatan(m, pilihan, user):
    """The fields of the data note of question `m` answered `pilihan` by `user` (its status, the
    admin's choice as its resolution or, for an open note, in its message)."""
    siapa = f"oleh {user.get_username()}" if user is not None and user.is_authenticated else "oleh pengimpor"
    if pilihan == RINCIAN:
        return {
            "status": CatatanData.Status.CETAKAN_SALAH,
            "penyelesaian": (
                f"Dipilih saat impor {siapa}: rincian benar, jumlah tercetak salah. Rinciannya disimpan "
                f"sebagaimana tertulis (jumlahnya {m.dihitung}); jumlah tercetak {m.tercetak} salah cetak."
            ),
            "diselesaikan_oleh": user if user is not None and user.is_authenticated else None,
            "diselesaikan_pada": timezone.now(),
        }
    rincian = f": {'; '.join(m.rincian)}" if m.rincian else ""
    return {
        "status": CatatanData.Status.TERBUKA,
        "pesan": (
            f"{m.pesan} Dipilih saat impor {siapa}: jumlah tercetak {m.tercetak} benar; salah satu rinciannya "
            f"salah dan harus diperbaiki{rincian}."
        ),
    }


def isian_semua(hasil, pilihan):
    """The form data of an approval answering every question of a preview (a Hasil, or the dict
    stored in Impor.hasil) with `pilihan`, as the page posts it."""
    if isinstance(hasil, dict):
        hasil = Hasil.dari_dict(hasil)
    return {AWALAN_ISIAN + m.kunci_keputusan: pilihan for m in hasil.pertanyaan_jumlah()}
