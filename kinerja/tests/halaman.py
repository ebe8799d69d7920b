"""Driving the entry page as a browser would, in view tests."""


def isian_awal(respons):
    """The page's fields as a browser sends them when nothing is touched."""
    halaman = respons.context["halaman"]
    data = {}
    for baris in [*halaman.baris, *halaman.anggaran]:
        for field in baris.form:
            nilai = field.value()
            data[field.html_name] = "" if nilai is None else nilai
    return data


def buka(client, dinas, user=None):
    client.force_login(user or dinas.operator)
    respons = client.get(dinas.url)
    assert respons.status_code == 200
    return isian_awal(respons)


def n(indikator, field="nilai"):
    return f"r{indikator.pk}-{field}"


def a(sub):
    return f"a{sub.pk}-nilai"
