/** Seed texts of the "contract" type. */
import type { SeedSet } from "./seed_types.ts";

export const CONTRACT: SeedSet = {
  type: "contract",
  label: "Contract",
  en: [
    `SERVICES AGREEMENT
This Agreement is made and entered into as of March 1, 2024 (the "Effective Date") by and between
the Company (hereinafter the "Client") and the Contractor (hereinafter the "Provider"), each a "Party".
WHEREAS the Client wishes to engage the Provider, NOW, THEREFORE, in consideration of the mutual covenants herein, the parties agree as follows:
1. Definitions. 2. Scope of Services. 3. Term and Termination. This Agreement shall commence on the Effective Date and continue for twelve (12) months.
4. Compensation and Payment. 5. Confidentiality. 6. Intellectual Property. 7. Indemnification. 8. Limitation of Liability.
9. Governing Law. This Agreement shall be governed by and construed in accordance with the laws of the State.
10. Entire Agreement. This Agreement constitutes the entire agreement between the parties and supersedes all prior agreements.
IN WITNESS WHEREOF, the parties have executed this Agreement as of the date first written above.
Signature   Name   Title   Date`,
    `PROMISSORY NOTE
FOR VALUE RECEIVED, the undersigned Borrower promises to pay to the order of the Lender the principal sum of
together with interest on the unpaid principal balance at the rate of 6.5% per annum.
Payments. Borrower shall make monthly payments of principal and interest beginning on the first day of the month.
Prepayment. Default. Acceleration. If Borrower fails to pay any installment when due, the Note holder may declare the entire balance due.
Security. This Note is secured by a mortgage / deed of trust on the property.
Waivers. Borrower waives presentment, demand, protest and notice of dishonor.
Loan agreement, lease agreement, residential tenancy agreement: landlord, tenant, rent, security deposit, premises.`,
    `EMPLOYMENT CONTRACT
between the Employer and the Employee
Position and duties   Commencement date   Probationary period of six months
Working hours   Remuneration   Annual leave   Notice period   Non-compete   Non-disclosure agreement (NDA)
The Employee shall devote full working time to the business. Either party may terminate this contract by giving written notice.
Amendments to this contract must be made in writing and signed by both parties. Severability.
Signed for and on behalf of the Employer   Signed by the Employee`,
    `TERMS AND CONDITIONS / MASTER SERVICES AGREEMENT
Section 1.1 "Affiliate" means any entity that directly or indirectly controls the Party.
The Supplier represents and warrants that the Services shall be performed in a professional manner.
Each Party shall keep confidential all information disclosed by the other Party hereunder.
Neither Party shall be liable for any failure to perform due to force majeure.
Notices shall be given in writing to the addresses set out above. Assignment. Waiver. Severability. Counterparts.
This Agreement may be amended only by a written instrument executed by both Parties hereto.
Any dispute arising out of or in connection with this Agreement shall be referred to arbitration.
Authorized signatory`,
    `Non-Disclosure Agreement
The Disclosing Party and the Receiving Party agree that Confidential Information shall not be disclosed to any third party.
Obligations of the Receiving Party. Exclusions from Confidential Information. Term of this Agreement. Return of materials.
Purchase agreement: seller, buyer, purchase price, closing date, representations and warranties, conditions precedent.
Consulting agreement, license agreement, partnership agreement, settlement agreement, memorandum of understanding.`,
    `1. Rent. The Tenant shall pay to the Landlord monthly rent on the first day of each calendar month, in advance, without deduction or set-off.
2. Use of Premises. The Premises shall be used solely as a private residence.
3. Obligations of the Borrower. The Borrower agrees to repay the loan in accordance with the repayment schedule set out in Schedule 1.
4. Termination. Either party may terminate this Agreement upon thirty (30) days' written notice to the other party. Upon termination, all rights and obligations hereunder shall cease, except those which by their nature survive termination.
5. Notwithstanding the foregoing, nothing in this Agreement shall limit liability for fraud. Provided that the Contractor has complied with its obligations pursuant to clause 4, the Client shall pay the fees.
6. Any amendment hereto shall be in writing. The headings are for convenience only. Time is of the essence.
The undersigned hereby agree to the terms set forth herein and in the exhibits attached hereto.`,
  ],
  de: [
    `Dienstleistungsvertrag
zwischen der Firma – nachfolgend „Auftraggeber“ genannt –
und – nachfolgend „Auftragnehmer“ genannt –
wird folgender Vertrag geschlossen:
§ 1 Vertragsgegenstand
§ 2 Vertragsdauer und Kündigung: Der Vertrag beginnt am 01.03.2024 und wird auf unbestimmte Zeit geschlossen. Er kann mit einer Frist von drei Monaten zum Monatsende gekündigt werden.
§ 3 Vergütung   § 4 Pflichten der Vertragsparteien   § 5 Haftung   § 6 Vertraulichkeit   § 7 Datenschutz
§ 8 Schlussbestimmungen: Änderungen und Ergänzungen dieses Vertrages bedürfen der Schriftform. Sollte eine Bestimmung unwirksam sein, bleibt die Wirksamkeit der übrigen Bestimmungen unberührt (salvatorische Klausel).
Gerichtsstand ist der Sitz des Auftraggebers.
Ort, Datum   Unterschrift Auftraggeber   Unterschrift Auftragnehmer`,
    `Mietvertrag für Wohnraum
Vermieter   Mieter   Mietsache   Mietbeginn   Mietdauer
Miete und Nebenkosten: Die monatliche Grundmiete beträgt 850,00 €, die Vorauszahlung auf die Betriebskosten 180,00 €.
Mietkaution   Schönheitsreparaturen   Hausordnung   Kündigungsfrist
Arbeitsvertrag: Arbeitgeber, Arbeitnehmer, Beginn des Arbeitsverhältnisses, Probezeit, Tätigkeit, Arbeitszeit, Vergütung, Urlaub, Kündigung
Darlehensvertrag: Darlehensgeber, Darlehensnehmer, Darlehensbetrag, Sollzinssatz, Tilgung, Laufzeit
Kaufvertrag: Verkäufer, Käufer, Kaufgegenstand, Kaufpreis, Gewährleistung, Eigentumsvorbehalt`,
    `Allgemeine Geschäftsbedingungen / Rahmenvertrag
§ 1 Geltungsbereich   § 2 Vertragsschluss   § 3 Leistungsumfang   § 4 Gewährleistung   § 5 Haftungsbeschränkung
Die Parteien verpflichten sich, über alle vertraulichen Informationen Stillschweigen zu bewahren.
Nebenabreden bestehen nicht. Es gilt das Recht der Bundesrepublik Deutschland.
Vertragsstrafe   höhere Gewalt   Abtretung   Geheimhaltungsvereinbarung   Vertragspartner`,
    `§ 4 Pflichten des Mieters: Der Mieter verpflichtet sich, die Mietsache pfleglich zu behandeln.
§ 5 Zahlung: Die Vergütung ist jeweils zum Monatsende fällig. Der Auftragnehmer stellt die Leistungen monatlich in Rechnung.
§ 6 Kündigung: Das Recht zur außerordentlichen Kündigung aus wichtigem Grund bleibt unberührt. Die Kündigung bedarf der Schriftform.
Die Vertragsparteien sind sich einig, dass mündliche Nebenabreden nicht getroffen wurden. Dieser Vertrag wird in zwei Ausfertigungen erstellt, jede Partei erhält eine Ausfertigung.`,
  ],
  fr: [
    `CONTRAT DE PRESTATION DE SERVICES
ENTRE LES SOUSSIGNÉS :
La société, ci-après dénommée « le Client », d'une part,
ET le prestataire, ci-après dénommé « le Prestataire », d'autre part,
IL A ÉTÉ CONVENU ET ARRÊTÉ CE QUI SUIT :
Article 1 – Objet du contrat   Article 2 – Durée   Article 3 – Prix et modalités de paiement
Article 4 – Obligations des parties   Article 5 – Responsabilité   Article 6 – Confidentialité
Article 7 – Résiliation : en cas de manquement de l'une des parties à ses obligations, le contrat pourra être résilié de plein droit.
Article 8 – Droit applicable et juridiction compétente
Fait à Paris, le 1er mars 2024, en deux exemplaires originaux.
Signature précédée de la mention « lu et approuvé »`,
    `Contrat de bail d'habitation
Le bailleur   Le locataire   Désignation des locaux   Date de prise d'effet   Durée du contrat
Loyer mensuel   Charges récupérables   Dépôt de garantie   État des lieux
Contrat de travail à durée indéterminée (CDI) : employeur, salarié, période d'essai, fonctions, rémunération, durée du travail, congés, préavis
Contrat de prêt : prêteur, emprunteur, montant du prêt, taux effectif global, échéancier de remboursement`,
    `Conditions générales de vente / contrat-cadre
Article 1 – Définitions   Article 2 – Champ d'application   Article 3 – Engagements des parties   Article 4 – Garanties
Les parties s'engagent à garder strictement confidentielles les informations échangées.
Force majeure. Cession du contrat. Clause attributive de juridiction. Litiges.
Accord de confidentialité   Promesse de vente   Avenant au contrat`,
    `Article 4 – Obligations du locataire : le locataire s'engage à payer le loyer et les charges aux termes convenus et à user paisiblement des locaux loués.
Article 5 – Le présent contrat prend effet à compter de sa signature et est conclu pour une durée de trois ans, renouvelable par tacite reconduction.
Article 6 – Toute modification du présent contrat fera l'objet d'un avenant signé par les deux parties.
Les parties déclarent avoir pris connaissance de l'ensemble des clauses et les accepter sans réserve.`,
  ],
  es: [
    `CONTRATO DE PRESTACIÓN DE SERVICIOS
En Madrid, a 1 de marzo de 2024
REUNIDOS
De una parte, la empresa, en adelante «el Cliente».
Y de otra parte, el profesional, en adelante «el Prestador».
Ambas partes se reconocen capacidad legal suficiente para suscribir el presente contrato y
EXPONEN
CLÁUSULAS
Primera. Objeto del contrato.   Segunda. Duración.   Tercera. Precio y forma de pago.
Cuarta. Obligaciones de las partes.   Quinta. Confidencialidad.   Sexta. Resolución del contrato.
Séptima. Legislación aplicable y jurisdicción: las partes se someten a los juzgados y tribunales.
Y en prueba de conformidad, firman el presente contrato por duplicado en el lugar y fecha indicados.
Fdo.: el Cliente   Fdo.: el Prestador`,
    `Contrato de arrendamiento de vivienda
Arrendador   Arrendatario   Inmueble   Renta mensual   Fianza   Duración   Prórroga
Contrato de trabajo: empresario, trabajador, periodo de prueba, jornada, salario, vacaciones, extinción
Contrato de préstamo: prestamista, prestatario, capital, tipo de interés, amortización, vencimiento anticipado`,
    `Condiciones generales de contratación / contrato marco
Cláusula 1. Definiciones   Cláusula 2. Ámbito de aplicación   Cláusula 3. Obligaciones de las partes   Cláusula 4. Garantías
Las partes se obligan a mantener la confidencialidad de la información intercambiada.
Fuerza mayor. Cesión del contrato. Sumisión a arbitraje. Acuerdo de confidencialidad. Adenda al contrato.`,
    `Cuarta. Obligaciones del arrendatario: el arrendatario se obliga a pagar la renta pactada dentro de los cinco primeros días de cada mes.
Quinta. El presente contrato entrará en vigor en la fecha de su firma y tendrá una duración de un año, prorrogable tácitamente.
Sexta. Cualquier modificación del presente contrato deberá formalizarse por escrito y firmarse por ambas partes.
Las partes manifiestan su conformidad con todas las cláusulas del presente documento.`,
  ],
};
