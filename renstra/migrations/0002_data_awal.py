"""Reference data every region needs: sources of funds and the national ordinal scales."""

from django.db import migrations

SUMBER_DANA = [
    ("APBD Kabupaten", "Pendapatan asli daerah dan dana umum kabupaten/kota."),
    ("DAU", "Dana Alokasi Umum."),
    ("DAK Fisik", "Dana Alokasi Khusus fisik."),
    ("DAK Non Fisik", "Dana Alokasi Khusus non fisik (mis. DAK Non Fisik PPA)."),
    ("DBH", "Dana Bagi Hasil."),
    ("Insentif Fiskal", "Dana insentif fiskal dari pemerintah pusat."),
    ("APBD Provinsi", "Bantuan keuangan provinsi."),
    ("APBN", "Dana dari APBN (dekonsentrasi, tugas pembantuan)."),
]

SKALA = [
    (
        "Anugerah Parahita Ekapraya (APE)",
        "Penghargaan Kementerian PPPA atas pelaksanaan pengarusutamaan gender.",
        ["Pratama", "Madya", "Utama", "Mentor"],
    ),
    (
        "Kabupaten Layak Anak (KLA)",
        "Predikat Kabupaten/Kota Layak Anak dari Kementerian PPPA.",
        ["Pratama", "Madya", "Nindya", "Utama", "KLA"],
    ),
]


def isi(apps, schema_editor):
    SumberDana = apps.get_model("renstra", "SumberDana")
    SkalaTingkat = apps.get_model("renstra", "SkalaTingkat")
    Tingkat = apps.get_model("renstra", "Tingkat")
    for nama, keterangan in SUMBER_DANA:
        SumberDana.objects.get_or_create(nama=nama, defaults={"keterangan": keterangan})
    for nama, keterangan, tingkat in SKALA:
        skala, _ = SkalaTingkat.objects.get_or_create(nama=nama, defaults={"keterangan": keterangan})
        for urutan, nama_tingkat in enumerate(tingkat, start=1):
            Tingkat.objects.get_or_create(skala=skala, urutan=urutan, defaults={"nama": nama_tingkat})


class Migration(migrations.Migration):
    dependencies = [("renstra", "0001_initial")]

    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
