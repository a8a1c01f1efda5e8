/** Seed texts of the "cv_resume" type. */
import type { SeedSet } from "./seed_types.ts";

export const CV_RESUME: SeedSet = {
  type: "cv_resume",
  label: "CV / résumé",
  en: [
    `CURRICULUM VITAE
Contact: email, phone, LinkedIn, GitHub, portfolio website
Professional summary: software engineer with 6 years of experience in building web applications.
WORK EXPERIENCE
Senior Software Engineer   Jan 2020 – Present
• Led a team of five engineers; designed and implemented microservices
• Reduced deployment time by 40%
Software Developer   2017 – 2019
EDUCATION
M.Sc. in Computer Science, University, 2017   B.Sc. in Mathematics, 2015   GPA
SKILLS: Python, TypeScript, SQL, Docker, Kubernetes, project management
LANGUAGES: English (native), Spanish (fluent), German (intermediate)
CERTIFICATIONS   AWARDS   VOLUNTEER EXPERIENCE   INTERESTS   References available upon request`,
    `Resume
Objective   Profile   Highlights   Core competencies
Employment history   Internship   Responsibilities   Achievements
Education and training   Honors   Publications   Projects   Technical skills   Soft skills
Proficient in Microsoft Office. Strong communication and leadership skills.
Hobbies: photography, hiking, chess`,
    `Education
Ph.D. in Physics, University   Sept 2018 – June 2023
B.S. in Electrical Engineering   GPA: 3.9/4.0   Dean's list, magna cum laude
Experience
Research Assistant   Teaching Assistant   Software Engineering Intern   Summer 2021
- Developed and maintained internal tools used by 200+ employees
- Implemented a data pipeline; improved performance by 30%
- Collaborated with cross-functional teams; mentored junior developers
Selected projects   Open-source contributions   Hackathon winner
Technologies: languages, frameworks, databases, cloud, tools
Publications   Talks   Research interests   Honors and awards   Fellowships   Scholarships
Extracurricular activities   Leadership   Volunteering   Languages spoken`,
    `FULL NAME
Software Developer · City, Country · email · phone · linkedin.com/in/ · github.com/
Summary
Results-driven professional with a proven track record of delivering projects on time.
Experience
Company — Role   2019 – present   Remote
Skills
Programming, data analysis, communication, teamwork, problem-solving, time management
Education
Bachelor of Arts, Master of Business Administration (MBA), expected graduation
Certifications: certified professional, online courses`,
  ],
  de: [
    `LEBENSLAUF
Persönliche Daten: Geburtsdatum, Geburtsort, Staatsangehörigkeit, Familienstand, Anschrift, Telefon, E-Mail
BERUFSERFAHRUNG
seit 01/2020   Projektleiterin   Aufgaben: Leitung eines Teams, Budgetverantwortung
2017 – 2019   Werkstudentin   Praktikum
AUSBILDUNG / STUDIUM
2012 – 2017   Master of Science Informatik, Universität   Abschlussnote 1,7
Abitur   Gymnasium   Berufsausbildung zur Kauffrau für Büromanagement
KENNTNISSE
EDV-Kenntnisse: MS Office, SAP   Sprachkenntnisse: Deutsch (Muttersprache), Englisch (verhandlungssicher), Französisch (Grundkenntnisse)
Führerschein Klasse B   Weiterbildungen   Ehrenamt   Hobbys und Interessen
Ort, Datum, Unterschrift`,
    `Tabellarischer Lebenslauf
Werdegang   Berufliche Stationen   Schulbildung   Zivildienst   Zertifikate   Auslandsaufenthalt
Kompetenzprofil   Fachkenntnisse   Soziale Kompetenzen`,
    `Lebenslauf
Name   Adresse   Mobil   E-Mail   geboren am   in
Beruflicher Werdegang
04/2019 – heute   Softwareentwickler   Tätigkeiten und Erfolge
Bildungsweg
Hochschulabschluss   Diplom   Promotion   Schwerpunkte   Abschlussarbeit
Besondere Kenntnisse   IT-Kenntnisse   Fremdsprachen   fließend   Grundkenntnisse
Interessen   Engagement`,
  ],
  fr: [
    `CURRICULUM VITAE
Coordonnées : adresse, téléphone, e-mail, permis B, véhiculé
Profil : cheffe de projet avec six ans d'expérience
EXPÉRIENCE PROFESSIONNELLE
Depuis janvier 2020   Cheffe de projet   Missions : encadrement d'une équipe, gestion du budget
2017 – 2019   Stage de fin d'études   Alternance
FORMATION
2017   Master en informatique, Université   2015   Licence   Baccalauréat scientifique, mention bien
COMPÉTENCES
Informatique : Pack Office, Python   Langues : français (langue maternelle), anglais (courant), espagnol (notions)
Centres d'intérêt : lecture, randonnée, bénévolat   Références sur demande`,
    `CV
Parcours professionnel   Diplômes   Certifications   Savoir-faire   Savoir-être   Qualités
Loisirs   Activités extra-professionnelles   Date de naissance   Nationalité`,
    `Curriculum vitae
Ingénieure logiciel   Adresse   Portable   E-mail   LinkedIn
Expériences
2019 – aujourd'hui   Développeuse   Réalisations : conception, développement, encadrement
Études   Diplôme d'ingénieur   Doctorat   BTS   DUT
Compétences techniques   Langues : anglais courant (C1), allemand scolaire
Atouts   Loisirs : sport, musique, voyages`,
  ],
  es: [
    `CURRÍCULUM VÍTAE
Datos personales: fecha de nacimiento, nacionalidad, dirección, teléfono, correo electrónico, carné de conducir B
Perfil profesional: ingeniera con seis años de experiencia
EXPERIENCIA LABORAL
2020 – actualidad   Jefa de proyecto   Funciones: coordinación de equipo, gestión de presupuesto
2017 – 2019   Prácticas en empresa   Becaria
FORMACIÓN ACADÉMICA
2017   Máster en Ingeniería Informática, Universidad   2015   Grado   Bachillerato
IDIOMAS: español (nativo), inglés (nivel avanzado, C1), francés (nivel básico)
CONOCIMIENTOS INFORMÁTICOS   APTITUDES   CURSOS   AFICIONES   Disponibilidad inmediata`,
    `Currículum
Trayectoria profesional   Formación complementaria   Habilidades   Competencias   Logros   Voluntariado   Referencias`,
    `Currículum vítae
Nombre y apellidos   Teléfono   Correo electrónico   Fecha de nacimiento
Experiencia profesional
2019 – presente   Desarrolladora   Responsabilidades y logros
Educación   Doctorado   Licenciatura   Formación profesional
Competencias digitales   Idiomas: inglés fluido, alemán básico
Intereses   Otros datos de interés`,
  ],
};
