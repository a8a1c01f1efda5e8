/** Seed texts of the "meeting_minutes" type. */
import type { SeedSet } from "./seed_types.ts";

export const MEETING_MINUTES: SeedSet = {
  type: "meeting_minutes",
  label: "Meeting minutes",
  en: [
    `MINUTES OF THE BOARD MEETING
Date: 15 March 2024   Time: 10:00   Location: conference room / video call
Present: Chair, Secretary, Treasurer, members   Apologies: two members   Absent   In attendance
1. Welcome and apologies. The Chair opened the meeting at 10:05 and confirmed that a quorum was present.
2. Approval of the minutes of the previous meeting. The minutes were approved as a true record.
3. Matters arising   4. Treasurer's report   5. Any other business (AOB)
Discussion: the committee discussed the budget. It was agreed that the proposal be adopted.
Motion: moved by, seconded by. Motion carried unanimously. Vote: 6 in favour, 1 against, 0 abstentions.
ACTION ITEMS: owner, task, due date
Date of next meeting. The meeting was adjourned at 11:30.
Minutes taken by the secretary.`,
    `Meeting notes
Attendees   Agenda   Discussion points   Decisions   Next steps   Follow-up
Project status update meeting, weekly team meeting, annual general meeting (AGM), committee meeting
Action: to circulate the draft by Friday. Noted. Resolved that.`,
    `The committee reviewed the draft budget. The treasurer reported that expenses were in line with the plan. Members discussed the proposal to hire a part-time assistant.
It was proposed by the chair and seconded that the proposal be approved. The motion was carried.
The secretary noted that the annual report would be circulated before the next meeting. Members agreed to postpone the item until the next meeting.
Action: the treasurer to prepare a revised budget. Action: the chair to contact the auditors.
There being no further business, the chair thanked members for attending and closed the meeting.`,
  ],
  de: [
    `PROTOKOLL der Sitzung des Vorstands
Datum: 15.03.2024   Beginn: 10:00 Uhr   Ende: 11:30 Uhr   Ort
Anwesend: Vorsitzende, Schriftführer, Kassenwart, Mitglieder   Entschuldigt   Gäste
Sitzungsleitung   Protokollführung
Tagesordnung
TOP 1 Begrüßung und Feststellung der Beschlussfähigkeit
TOP 2 Genehmigung des Protokolls der letzten Sitzung
TOP 3 Bericht des Kassenwarts   TOP 4 Verschiedenes
Die Vorsitzende eröffnet die Sitzung und stellt die ordnungsgemäße Einladung fest.
Beschluss: Der Vorstand beschließt einstimmig. Abstimmungsergebnis: 6 Ja-Stimmen, 1 Nein-Stimme, 0 Enthaltungen.
Aufgaben / To-dos: wer, was, bis wann
Nächste Sitzung   Die Sitzung wird um 11:30 Uhr geschlossen.
Für die Richtigkeit: Protokollführer   Ergebnisprotokoll   Besprechungsprotokoll   Mitgliederversammlung`,
    `Der Vorstand bespricht den Haushaltsentwurf. Der Kassenwart berichtet, dass die Ausgaben im Plan liegen.
Es wird beschlossen, den Antrag anzunehmen. Der Tagesordnungspunkt wird auf die nächste Sitzung vertagt.
Aufgabe: Der Kassenwart erstellt einen überarbeiteten Haushaltsplan. Protokoll genehmigt. Sitzungsende.`,
  ],
  fr: [
    `PROCÈS-VERBAL DE LA RÉUNION DU CONSEIL
Date : 15 mars 2024   Heure : 10 h   Lieu
Présents : président, secrétaire, trésorier, membres   Excusés   Absents   Invités
Le quorum étant atteint, la séance est ouverte à 10 h 05 sous la présidence de.
Ordre du jour
1. Approbation du procès-verbal de la séance précédente
2. Rapport financier   3. Questions diverses
Après en avoir délibéré, le conseil décide à l'unanimité d'adopter la proposition.
Vote : pour 6, contre 1, abstention 0. La résolution est adoptée.
Relevé de décisions   Actions à mener : responsable, échéance
Prochaine réunion. L'ordre du jour étant épuisé, la séance est levée à 11 h 30.
Compte rendu de réunion rédigé par le secrétaire de séance. Assemblée générale ordinaire.`,
    `Le conseil examine le projet de budget. Le trésorier indique que les dépenses sont conformes aux prévisions.
Après discussion, la proposition est mise aux voix et adoptée. Le point est reporté à la prochaine réunion.
Action : le trésorier préparera un budget révisé. Le procès-verbal de la précédente réunion est approuvé.`,
  ],
  es: [
    `ACTA DE LA REUNIÓN DE LA JUNTA DIRECTIVA
Fecha: 15 de marzo de 2024   Hora: 10:00   Lugar
Asistentes: presidente, secretaria, tesorero, vocales   Excusan su asistencia   Ausentes
Existiendo quórum suficiente, se abre la sesión a las 10:05 horas.
Orden del día
1. Lectura y aprobación, si procede, del acta de la sesión anterior
2. Informe de tesorería   3. Ruegos y preguntas
Tras el debate, se acuerda por unanimidad aprobar la propuesta.
Votación: 6 votos a favor, 1 en contra, 0 abstenciones.
Acuerdos adoptados   Tareas pendientes: responsable, plazo
Próxima reunión. Sin más asuntos que tratar, se levanta la sesión a las 11:30 horas.
La secretaria, con el visto bueno del presidente. Junta general ordinaria.`,
    `La junta examina el proyecto de presupuesto. El tesorero informa de que los gastos se ajustan a lo previsto.
Tras el debate, la propuesta se somete a votación y queda aprobada. El punto se aplaza a la próxima reunión.
Tarea: el tesorero preparará un presupuesto revisado. Se aprueba el acta de la reunión anterior.`,
  ],
};
