"""Realistic Polish people, companies, cities and phone numbers, drawn from a seeded random."""

from __future__ import annotations

import random

MALE_FIRST = (
    "Jan", "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Michał", "Marcin", "Marek",
    "Grzegorz", "Adam", "Łukasz", "Zbigniew", "Jerzy", "Tadeusz", "Mateusz", "Dariusz", "Mariusz",
    "Wojciech", "Ryszard", "Jakub", "Kamil", "Maciej", "Sławomir", "Bartosz", "Rafał", "Robert",
    "Kacper", "Szymon", "Wiesław", "Jacek", "Artur", "Przemysław", "Dawid",
)  # fmt: skip
FEMALE_FIRST = (
    "Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna",
    "Elżbieta", "Zofia", "Joanna", "Magdalena", "Monika", "Teresa", "Danuta", "Natalia",
    "Karolina", "Aleksandra", "Marta", "Beata", "Dorota", "Alicja", "Jadwiga", "Halina", "Iwona",
    "Julia", "Justyna", "Grażyna", "Żaneta", "Weronika", "Urszula", "Hanna",
)  # fmt: skip
# Surnames that change with gender are given as (male, female); the rest are the same for both.
GENDERED_SURNAMES = (
    ("Kowalski", "Kowalska"), ("Wiśniewski", "Wiśniewska"), ("Wójcik", "Wójcik"),
    ("Kamiński", "Kamińska"), ("Lewandowski", "Lewandowska"), ("Zieliński", "Zielińska"),
    ("Szymański", "Szymańska"), ("Woźniak", "Woźniak"), ("Dąbrowski", "Dąbrowska"),
    ("Kozłowski", "Kozłowska"), ("Jankowski", "Jankowska"), ("Mazur", "Mazur"),
    ("Kwiatkowski", "Kwiatkowska"), ("Krawczyk", "Krawczyk"), ("Piotrowski", "Piotrowska"),
    ("Grabowski", "Grabowska"), ("Nowakowski", "Nowakowska"), ("Pawłowski", "Pawłowska"),
    ("Michalski", "Michalska"), ("Nowicki", "Nowicka"), ("Adamczyk", "Adamczyk"),
    ("Dudek", "Dudek"), ("Zając", "Zając"), ("Wieczorek", "Wieczorek"), ("Jabłoński", "Jabłońska"),
    ("Król", "Król"), ("Majewski", "Majewska"), ("Olszewski", "Olszewska"),
    ("Jaworski", "Jaworska"), ("Wróbel", "Wróbel"), ("Malinowski", "Malinowska"),
    ("Pawlak", "Pawlak"), ("Witkowski", "Witkowska"), ("Walczak", "Walczak"),
    ("Stępień", "Stępień"), ("Górski", "Górska"), ("Rutkowski", "Rutkowska"),
    ("Michalak", "Michalak"), ("Sikora", "Sikora"), ("Ostrowski", "Ostrowska"), ("Baran", "Baran"),
    ("Duda", "Duda"), ("Szewczyk", "Szewczyk"), ("Tomaszewski", "Tomaszewska"),
    ("Pietrzak", "Pietrzak"), ("Marciniak", "Marciniak"), ("Wróblewski", "Wróblewska"),
    ("Zalewski", "Zalewska"), ("Jakubowski", "Jakubowska"), ("Jasiński", "Jasińska"),
    ("Zawadzki", "Zawadzka"), ("Sadowski", "Sadowska"), ("Bąk", "Bąk"),
    ("Chmielewski", "Chmielewska"), ("Włodarczyk", "Włodarczyk"), ("Borkowski", "Borkowska"),
    ("Czarnecki", "Czarnecka"), ("Sawicki", "Sawicka"), ("Sokołowski", "Sokołowska"),
    ("Urbański", "Urbańska"), ("Kubiak", "Kubiak"), ("Maciejewski", "Maciejewska"),
    ("Szczepański", "Szczepańska"), ("Kucharski", "Kucharska"), ("Wilk", "Wilk"),
    ("Kalinowski", "Kalinowska"), ("Lis", "Lis"), ("Mazurek", "Mazurek"), ("Wysocki", "Wysocka"),
    ("Adamski", "Adamska"), ("Kaźmierczak", "Kaźmierczak"), ("Wasilewski", "Wasilewska"),
    ("Sobczak", "Sobczak"), ("Czerwiński", "Czerwińska"), ("Andrzejewski", "Andrzejewska"),
    ("Cieślak", "Cieślak"), ("Głowacki", "Głowacka"), ("Zakrzewski", "Zakrzewska"),
    ("Kołodziej", "Kołodziej"), ("Sikorski", "Sikorska"), ("Krajewski", "Krajewska"),
    ("Gajewski", "Gajewska"), ("Szulc", "Szulc"), ("Szymczak", "Szymczak"),
    ("Baranowski", "Baranowska"), ("Laskowski", "Laskowska"), ("Brzeziński", "Brzezińska"),
    ("Makowski", "Makowska"), ("Ziółkowski", "Ziółkowska"), ("Przybylski", "Przybylska"),
    ("Nowak", "Nowak"),
)  # fmt: skip
CITIES = (
    "Gdańsk", "Gdynia", "Sopot", "Warszawa", "Kraków", "Łódź", "Wrocław", "Poznań", "Szczecin",
    "Bydgoszcz", "Lublin", "Białystok", "Katowice", "Toruń", "Olsztyn", "Rzeszów", "Kielce",
    "Opole", "Elbląg", "Słupsk", "Koszalin", "Zielona Góra", "Płock", "Tczew", "Wejherowo",
)  # fmt: skip
COMPANY_STEMS = (
    "Bud-Mar", "Hydro-Tech", "Elektro-Serwis", "Agro-Pol", "Trans-Bałtyk", "Meblex", "Drewpol",
    "Stal-Hurt", "Auto-Części", "Piekarnia Złoty Kłos", "Kwiaciarnia Storczyk", "Med-Lux",
    "Biuro Rachunkowe Saldo", "Informatyka 24", "Poligrafia Druk-Art", "Ogrody Zielony Zakątek",
    "Pralnia Perełka", "Hotel Pod Lipami", "Kancelaria Lex", "Okna-Dach", "Eko-Energia",
    "Spedycja Morska", "Gabinet Dentystyczny Uśmiech", "Szkoła Językowa Lingwa", "Chłodnie Północ",
    "Instal-Gaz", "Fotostudio Kadr", "Apteka Pod Orłem", "Ubezpieczenia Pewny Dom",
    "Pizzeria Bella Napoli",
)  # fmt: skip
COMPANY_FORMS = (
    "Sp. z o.o.", "S.A.", "s.c.", "Sp.j.", "", "", "",
)  # fmt: skip
COMPANY_PREFIXES = (
    "PHU", "FHU", "PPHU", "Zakład", "Firma", "", "", "", "",
)  # fmt: skip

MOBILE_PREFIXES = (
    "500", "501", "502", "503", "504", "505", "506", "507", "508", "509", "510", "511", "512",
    "513", "514", "515", "516", "517", "518", "519", "530", "531", "533", "535", "536", "537",
    "570", "572", "575", "577", "600", "601", "602", "603", "604", "605", "606", "607", "660",
    "661", "662", "663", "664", "665", "666", "667", "668", "669", "690", "691", "692", "693",
    "694", "695", "696", "697", "698", "720", "721", "722", "723", "724", "725", "726", "727",
    "728", "729", "730", "731", "732", "733", "734", "780", "781", "782", "783", "784", "785",
    "786", "787", "788", "789", "790", "791", "792", "793", "794", "795", "796", "797", "798",
    "799", "880", "881", "882", "883", "884", "885", "886", "887", "888", "889",
)  # fmt: skip
# Landline area codes: Trójmiasto first (SPIKON's home), then the largest cities.
AREA_CODES = (
    "58", "58", "58", "22", "12", "61", "71", "42", "91", "52", "81", "85", "32",
)  # fmt: skip


def person(rng: random.Random, *, female: bool | None = None) -> str:
    """A first name and a surname agreeing in gender, e.g. "Anna Kowalska"."""
    if female is None:
        female = rng.random() < 0.5
    first = rng.choice(FEMALE_FIRST if female else MALE_FIRST)
    male_surname, female_surname = rng.choice(GENDERED_SURNAMES)
    return f"{first} {female_surname if female else male_surname}"


def company(rng: random.Random) -> str:
    """A company name such as "PHU Bud-Mar Sp. z o.o."."""
    parts = (rng.choice(COMPANY_PREFIXES), rng.choice(COMPANY_STEMS), rng.choice(COMPANY_FORMS))
    return " ".join(part for part in parts if part)


def contact_name(rng: random.Random) -> str:
    """A phone book entry: mostly people, some with a city, some companies."""
    roll = rng.random()
    if roll < 0.22:
        return f"{company(rng)} ({rng.choice(CITIES)})" if rng.random() < 0.4 else company(rng)
    if roll < 0.32:
        return f"{person(rng)} ({rng.choice(CITIES)})"
    return person(rng)


def mobile_number(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(1_000_000):06d}"


def landline_number(rng: random.Random, area_code: str | None = None) -> str:
    code = area_code or rng.choice(AREA_CODES)
    return code + str(rng.randint(2, 8)) + f"{rng.randrange(1_000_000):06d}"


def phone_number(rng: random.Random) -> str:
    """A 9-digit Polish number, two in three of them mobile."""
    return mobile_number(rng) if rng.random() < 0.66 else landline_number(rng)


def digits(rng: random.Random, count: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(count))
