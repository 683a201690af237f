"""Write resources/survey/community_asset_survey.xlsx, the built-in XLSForm.

The form is kept as data here (reviewable in a diff) and written with
openpyxl, so it is a plain XLSForm a survey lead can open in Excel, change,
or upload to KoboToolbox/ODK. Run after editing:

    python scripts/make_survey_form.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

OUT = Path(__file__).resolve().parent.parent / "resources" / "survey" / "community_asset_survey.xlsx"
EN, ES = "English (en)", "Español (es)"

SURVEY_COLUMNS = [
    "type", "name", f"label::{EN}", f"label::{ES}", f"hint::{EN}", f"hint::{ES}",
    "required", f"required_message::{EN}", f"required_message::{ES}",
    "constraint", f"constraint_message::{EN}", f"constraint_message::{ES}",
    "relevant", "calculation", "default", "appearance", "read_only",
]

REQ = ("This answer is required.", "Esta respuesta es obligatoria.")


def row(type_, name, en="", es="", *, hint=("", ""), required=False, required_msg=("", ""),
        constraint="", constraint_msg=("", ""), relevant="", calculation="", default="",
        appearance="", read_only=""):
    if required and not required_msg[0]:
        required_msg = REQ
    return [type_, name, en, es, hint[0], hint[1], "yes" if required else "",
            required_msg[0], required_msg[1], constraint, constraint_msg[0], constraint_msg[1],
            relevant, calculation, default, appearance, read_only]


SURVEY = [
    row("note", "intro",
        "Community asset survey: one entry for each place, group or person that could help "
        "children and families in this neighbourhood.",
        "Encuesta de recursos comunitarios: una entrada por cada lugar, grupo o persona que "
        "pueda ayudar a los niños y las familias de este barrio."),
    row("select_one asset_type", "asset_type", "What kind of asset is this?",
        "¿Qué tipo de recurso es?", required=True,
        required_msg=("Choose the kind of asset.", "Elija el tipo de recurso."),
        appearance="minimal"),
    row("text", "asset_name", "Name of the place, organisation or person",
        "Nombre del lugar, la organización o la persona",
        hint=("As people in the neighbourhood know it.", "Como lo conocen en el barrio."),
        required=True, required_msg=("Write a name.", "Escriba un nombre."),
        constraint="string-length(.) <= 120",
        constraint_msg=("Keep the name under 120 characters.",
                        "El nombre debe tener menos de 120 caracteres.")),
    row("calculate", "confidential", calculation="if(${asset_type} = 'dv_services', 'yes', 'no')"),
    row("note", "confidential_note",
        "Domestic-violence services: the exact location is confidential. It will never be "
        "shown on maps or in exports; record it only so the partnership can count services.",
        "Servicios de violencia doméstica: la ubicación exacta es confidencial. Nunca se "
        "mostrará en mapas ni en exportaciones; regístrela solo para que la alianza pueda "
        "contar los servicios.",
        relevant="${confidential} = 'yes'"),
    row("begin_group", "contact", "Contact", "Contacto", appearance="field-list"),
    row("text", "contact_person", "Contact person", "Persona de contacto"),
    row("text", "phone", "Phone", "Teléfono",
        hint=("For example 314-555-0123.", "Por ejemplo 314-555-0123."),
        constraint="regex(., '^[+]?[0-9 ().-]{7,20}$')",
        constraint_msg=("Write a phone number with 7 to 20 digits, spaces or dashes.",
                        "Escriba un número de teléfono de 7 a 20 dígitos, espacios o guiones."),
        appearance="numbers"),
    row("text", "email", "Email", "Correo electrónico",
        constraint="regex(., '^[^@ ]+@[^@ ]+[.][^@ ]+$')",
        constraint_msg=("Write an email address such as name@example.org.",
                        "Escriba un correo como nombre@ejemplo.org.")),
    row("end_group", ""),
    row("text", "hours", "Opening hours", "Horario",
        hint=("For example: Mon–Fri 9–5, Sat 10–2.", "Por ejemplo: lun–vie 9–5, sáb 10–2."),
        relevant="${asset_type} != 'individual'"),
    row("select_multiple services or_other", "services", "Services offered",
        "Servicios que ofrece", hint=("Choose all that apply.", "Elija todos los que correspondan.")),
    row("select_one partner", "willing_to_partner", "Willing to partner with the child-welfare "
        "partnership?", "¿Dispuesto a colaborar con la alianza de protección infantil?",
        required=True),
    row("integer", "people_per_week", "About how many people are served per week?",
        "¿Aproximadamente a cuántas personas atiende por semana?",
        constraint=". >= 0 and . < 100000",
        constraint_msg=("Enter a number from 0 to 99,999.", "Escriba un número entre 0 y 99 999.")),
    row("begin_group", "individual", "Person offering help", "Persona que ofrece ayuda",
        relevant="${asset_type} = 'individual'", appearance="field-list"),
    row("select_multiple skills", "skills", "What can they offer?", "¿Qué puede ofrecer?",
        required=True, required_msg=("Choose at least one.", "Elija al menos una.")),
    row("select_multiple availability", "availability", "When are they available?",
        "¿Cuándo está disponible?"),
    row("end_group", ""),
    row("date", "date_visited", "Date visited", "Fecha de la visita", required=True,
        default="today()", constraint=". <= today()",
        constraint_msg=("The visit date cannot be in the future.",
                        "La fecha de la visita no puede ser futura.")),
    row("geopoint", "location", "Location", "Ubicación",
        hint=("Click the map, type latitude and longitude, or choose the neighbourhood.",
              "Haga clic en el mapa, escriba latitud y longitud o elija el barrio."),
        required=True, required_msg=("Mark where the asset is.", "Marque dónde está el recurso.")),
    row("image", "photo", "Photo (optional)", "Foto (opcional)",
        hint=("Only of the building or sign, never of people.",
              "Solo del edificio o del letrero, nunca de personas.")),
    row("text", "notes", "Notes", "Notas", appearance="multiline"),
    row("calculate", "display_name",
        calculation="concat(${asset_name}, ' (', jr:choice-name(${asset_type}, '${asset_type}'), ')')"),
]

ASSET_TYPES = [
    ("faith", "Faith-based organisation", "Organización religiosa"),
    ("early_childhood", "Early childhood / Head Start", "Primera infancia / Head Start"),
    ("school", "School", "Escuela"),
    ("youth", "Youth programme (club, scouting)", "Programa juvenil (club, scouts)"),
    ("health", "Health service", "Servicio de salud"),
    ("mental_health", "Mental-health service", "Servicio de salud mental"),
    ("substance_use", "Substance-abuse service", "Servicio de tratamiento de adicciones"),
    ("dv_services", "Domestic-violence service", "Servicio de violencia doméstica"),
    ("family_resource", "Family resource centre", "Centro de recursos familiares"),
    ("business", "Business", "Negocio"),
    ("park_place", "Park or public place", "Parque o lugar público"),
    ("individual", "Individual offering help", "Persona que ofrece ayuda"),
]
SERVICES = [
    ("food_pantry", "Food pantry", "Banco de alimentos"),
    ("after_school", "After-school care", "Cuidado después de la escuela"),
    ("tutoring", "Tutoring", "Tutoría"),
    ("parenting", "Parenting classes", "Clases para padres"),
    ("counselling", "Counselling", "Consejería"),
    ("childcare", "Childcare", "Cuidado infantil"),
    ("clothing", "Clothing", "Ropa"),
    ("transport", "Transport", "Transporte"),
    ("meeting_space", "Meeting space", "Espacio para reuniones"),
    ("flyers", "Flyers and information", "Folletos e información"),
    ("mentoring", "Mentoring", "Mentoría"),
    ("health_screening", "Health screening", "Exámenes de salud"),
]
PARTNER = [("yes", "Yes", "Sí"), ("maybe", "Maybe", "Tal vez"), ("no", "No", "No")]
SKILLS = [
    ("childcare", "Watching children", "Cuidar niños"),
    ("tutoring", "Tutoring or homework help", "Tutoría o ayuda con tareas"),
    ("mentoring", "Mentoring", "Mentoría"),
    ("transport", "Driving / transport", "Llevar en coche / transporte"),
    ("meals", "Cooking meals", "Cocinar comidas"),
    ("translation", "Translation", "Traducción"),
    ("repairs", "Home repairs", "Reparaciones en casa"),
    ("listening", "A listening ear", "Escuchar y acompañar"),
]
AVAILABILITY = [
    ("weekday_mornings", "Weekday mornings", "Mañanas entre semana"),
    ("weekday_afternoons", "Weekday afternoons", "Tardes entre semana"),
    ("evenings", "Evenings", "Noches"),
    ("weekends", "Weekends", "Fines de semana"),
]
CHOICES = {"asset_type": ASSET_TYPES, "services": SERVICES, "partner": PARTNER,
           "skills": SKILLS, "availability": AVAILABILITY}

SETTINGS = {"form_id": "community_assets", "form_title": "Community asset survey",
            "version": "2026112501", "default_language": EN}


def build(out: Path = OUT) -> Path:
    wb = Workbook()
    survey = wb.active
    survey.title = "survey"
    survey.append(SURVEY_COLUMNS)
    for r in SURVEY:
        survey.append(r)
    choices = wb.create_sheet("choices")
    choices.append(["list_name", "name", f"label::{EN}", f"label::{ES}"])
    for list_name, items in CHOICES.items():
        for name, en, es in items:
            choices.append([list_name, name, en, es])
    settings = wb.create_sheet("settings")
    settings.append(list(SETTINGS))
    settings.append(list(SETTINGS.values()))
    for sheet in (survey, choices, settings):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
