/** Seed texts of the "form" type. */
import type { SeedSet } from "./seed_types.ts";

export const FORM: SeedSet = {
  type: "form",
  label: "Form",
  en: [
    `APPLICATION FORM
Please complete all sections in BLOCK CAPITALS using black ink.
Section A: Personal details
Title: Mr / Mrs / Ms / Dr   First name   Surname   Date of birth (DD/MM/YYYY)
Address   Town/City   Postcode   Telephone   Email address
Section B: Please tick the appropriate box   [ ] Yes   [ ] No
If yes, please give details
Section C: Declaration
I declare that the information given on this form is true and complete to the best of my knowledge.
Signature of applicant   Date
For office use only   Received by   Reference number
Please return the completed form to the address below.`,
    `Registration form
Fill in the fields below. Fields marked with an asterisk (*) are required.
Name   Middle name   Gender   Nationality   Place of birth   Marital status
Emergency contact   Relationship   Phone number
Check all that apply: ☐ ☐ ☐
Consent form: I consent to, I agree to the terms, parent or guardian signature
Request form, change of address form, enrollment form, order form, claim form, feedback questionnaire
Attach a copy of your ID. Incomplete forms will be returned.`,
    `Form
Employee information   Applicant information   Checkbox   Text field   Print name
Mailing address   Street   Apartment/suite number   State   ZIP code   Country
Page 1 of 2   Continue on a separate sheet if needed   Do not write in this space
Certification and signature   Authorized signature   Witness`,
    `Patient intake form
Patient name   Date of birth   Sex   Insurance provider   Policy number
Medical history: please check any that apply  ☐ diabetes  ☐ asthma  ☐ allergies
Current medications   Emergency contact name and phone
Signature of patient or legal guardian   Date
Office use: chart number`,
    `Request for information form
Please print clearly. Complete both sides of this form.
Applicant's full legal name   Other names used   SSN   Date of birth   Place of birth
Current address   Previous address   Years at address   Phone (home)   Phone (work)
Employer name   Occupation
Check one:  ☐ new  ☐ renewal  ☐ replacement
I certify that the above information is correct. Sign here. Date signed.
Mail this form to:   Fee enclosed   Processing time   Instructions for completing this form`,
    `Vehicle registration application / membership application / rental application / job application form
Position applied for   Availability   Desired salary   Previous employment   References (name, phone, relationship)
Have you ever been convicted of a crime? Yes No
Authorization to release information
Applicant signature   Date   Witness signature`,
  ],
  de: [
    `ANTRAG
Bitte in Druckbuchstaben ausfüllen und Zutreffendes ankreuzen.
1. Angaben zur Person
Name   Vorname   Geburtsname   Geburtsdatum   Geburtsort   Staatsangehörigkeit   Familienstand
Anschrift: Straße, Hausnummer, PLZ, Wohnort   Telefon   E-Mail
2. Angaben zum Antrag   ☐ ja   ☐ nein
Falls ja, bitte erläutern
3. Erklärung
Ich versichere, dass die Angaben vollständig und richtig sind. Mir ist bekannt, dass falsche Angaben strafbar sein können.
Ort, Datum   Unterschrift des Antragstellers / der Antragstellerin
Nur für amtliche Vermerke   Eingangsstempel
Anlagen: Kopie des Personalausweises`,
    `Formular / Vordruck
Anmeldung   Abmeldung   Änderungsmitteilung   Bestellformular   Einverständniserklärung   Vollmacht   SEPA-Lastschriftmandat
Pflichtfelder sind mit * gekennzeichnet.
Bitte füllen Sie das Formular vollständig aus und senden Sie es unterschrieben zurück.
Gläubiger-Identifikationsnummer   Mandatsreferenz   Kontoinhaber   Unterschrift des Kontoinhabers`,
    `Anmeldeformular
Vorname   Nachname   Geburtsdatum   Geschlecht   Anschrift   Telefon   E-Mail
Bitte ankreuzen: ☐ Mitgliedschaft ☐ Kurs ☐ Newsletter
Einwilligung zur Datenverarbeitung   Datum, Unterschrift
Vom Amt auszufüllen   Bearbeitungsvermerk   Aktenzeichen`,
  ],
  fr: [
    `FORMULAIRE DE DEMANDE
À remplir en lettres majuscules. Cochez la case correspondante.
1. Identité du demandeur
Nom   Nom de naissance   Prénom(s)   Date de naissance   Lieu de naissance   Nationalité   Situation familiale
Adresse   Code postal   Commune   Téléphone   Courriel
2. Objet de la demande   ☐ oui   ☐ non
Si oui, précisez
3. Attestation sur l'honneur
Je soussigné(e) certifie sur l'honneur l'exactitude des renseignements portés sur ce formulaire.
Fait à   le   Signature du demandeur
Cadre réservé à l'administration   Pièces justificatives à joindre : copie de la pièce d'identité, justificatif de domicile`,
    `Formulaire / imprimé / cerfa
Bulletin d'inscription   Fiche de renseignements   Bon de commande   Mandat de prélèvement SEPA   Autorisation parentale   Procuration
Les champs marqués d'un astérisque sont obligatoires.
Merci de retourner ce formulaire complété, daté et signé.`,
    `Formulaire d'inscription
Nom   Prénom   Date de naissance   Sexe   Adresse   Téléphone   Courriel
Cochez les cases correspondantes : ☐ adhésion ☐ stage ☐ lettre d'information
Consentement au traitement des données   Date et signature
Partie réservée au service   Numéro de dossier`,
  ],
  es: [
    `FORMULARIO DE SOLICITUD
Rellene en letras mayúsculas y marque con una X la casilla que corresponda.
1. Datos personales del solicitante
Nombre   Primer apellido   Segundo apellido   DNI/NIE   Fecha de nacimiento   Lugar de nacimiento   Nacionalidad   Estado civil
Domicilio   Código postal   Localidad   Provincia   Teléfono   Correo electrónico
2. Datos de la solicitud   ☐ sí   ☐ no
En caso afirmativo, indique
3. Declaración responsable
El abajo firmante declara que son ciertos los datos consignados en la presente solicitud.
Lugar y fecha   Firma del solicitante
A rellenar por la administración   Documentación que se adjunta: fotocopia del DNI`,
    `Formulario / impreso / instancia
Hoja de inscripción   Ficha de datos   Autorización   Mandato SEPA   Hoja de pedido   Cuestionario
Los campos marcados con asterisco son obligatorios.
Entregue el impreso debidamente cumplimentado y firmado.`,
    `Formulario de inscripción
Nombre   Apellidos   Fecha de nacimiento   Sexo   Dirección   Teléfono   Correo electrónico
Marque las casillas: ☐ socio ☐ curso ☐ boletín
Consentimiento para el tratamiento de datos   Fecha y firma
Espacio reservado para la administración   Número de expediente`,
  ],
};
