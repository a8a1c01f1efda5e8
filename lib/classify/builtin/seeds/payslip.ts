/** Seed texts of the "payslip" type. */
import type { SeedSet } from "./seed_types.ts";

export const PAYSLIP: SeedSet = {
  type: "payslip",
  label: "Payslip",
  en: [
    `PAYSLIP
Employee name   Employee ID 00412   Department   Job title
Pay period 01/03/2024 - 31/03/2024   Pay date 31/03/2024
Tax code 1257L   National Insurance number   NI category A
Payments   Hours   Rate   Amount
Basic salary 3,250.00   Overtime 12 hours 18.75 225.00   Bonus
Deductions: PAYE income tax 512.40   National Insurance 286.10   Pension contribution 5% 173.75
Gross pay 3,475.00   Total deductions 972.25
NET PAY 2,502.75
Year to date: taxable pay, tax paid, employee NI, employer pension`,
    `Earnings statement
Pay stub   Check date 03/15/2024   Period beginning 03/01/2024   Period ending 03/15/2024
Earnings   Rate   Hours   This period   Year to date
Regular   25.00   80.00   2,000.00   10,000.00
Overtime   37.50   4.00   150.00
Gross pay 2,150.00
Deductions: Federal income tax, Social Security tax, Medicare tax, State income tax, 401(k), health insurance, dental
Net pay 1,612.34   Direct deposit to checking account
Filing status: single, allowances/exemptions, employer, employee SSN XXX-XX-1234
Paid time off (PTO) balance, vacation hours accrued, sick hours used`,
    `Salary slip for the month of March 2024
Employee code   Designation   Date of joining   Bank account   PAN
Earnings: basic pay, house rent allowance, conveyance allowance, special allowance, medical allowance
Deductions: provident fund, professional tax, income tax (TDS)
Total earnings   Total deductions   Net salary payable
This is a computer-generated payslip and does not require a signature.`,
    `Employee pay summary
Pay frequency: bi-weekly   Hourly rate   Salary   Hours worked
Current   YTD
Gross earnings   Pre-tax deductions   Taxes   Post-tax deductions   Net pay
FICA - Social Security   FICA - Medicare   Fed withholding   State withholding   SDI
Employer contributions   Net pay distribution: checking account ending in 1234
Employee number   SSN: XXX-XX-1234   Pay group   Company code   Advice number   Non-negotiable`,
  ],
  de: [
    `Verdienstabrechnung / Entgeltabrechnung März 2024
Personalnummer 00412   Eintrittsdatum   Abteilung   Kostenstelle
Steuerklasse 1   Kinderfreibeträge 0,0   Konfession   Steuer-ID   Sozialversicherungsnummer
Krankenkasse   KV-Beitrag   Beitragsgruppe
Bezüge: Gehalt 3.250,00   Überstunden   Urlaubsgeld   Weihnachtsgeld   Vermögenswirksame Leistungen
Gesamt-Brutto 3.475,00
Steuerrechtliche Abzüge: Lohnsteuer 412,50   Solidaritätszuschlag 0,00   Kirchensteuer 33,00
Sozialversicherungsrechtliche Abzüge: Krankenversicherung 280,00   Rentenversicherung 323,18   Arbeitslosenversicherung 45,18   Pflegeversicherung 59,08
Nettobezüge   Auszahlungsbetrag 2.322,06
Überweisung auf Konto IBAN   Urlaubsanspruch   Resturlaub   Jahressummen`,
    `Lohnabrechnung / Gehaltsabrechnung
Abrechnungsmonat   Arbeitgeber   Arbeitnehmer
Stundenlohn   geleistete Stunden   Zuschläge Nacht Sonntag Feiertag
Steuer-Brutto   SV-Brutto   gesetzliches Netto
Minijob Pauschalsteuer   Rentenversicherungspflicht
Netto-Verdienst`,
  ],
  fr: [
    `BULLETIN DE PAIE
Période du 01/03/2024 au 31/03/2024   Date de paiement 31/03/2024
Salarié : matricule 00412, emploi, qualification, coefficient, convention collective, date d'entrée
N° de sécurité sociale   Employeur : SIRET, code NAF, URSSAF
Salaire de base 151,67 h   Heures supplémentaires   Prime   Congés payés
Salaire brut 3 475,00
Cotisations et contributions sociales : santé, retraite sécurité sociale plafonnée, retraite complémentaire, famille, assurance chômage
Part salarié   Part employeur   Taux   Base
CSG déductible   CSG/CRDS non déductible
Net à payer avant impôt sur le revenu 2 702,75
Impôt sur le revenu prélevé à la source : taux personnalisé 5,8 %
Net payé 2 545,99   Net imposable   Cumul annuel   Solde congés acquis, pris
Dans votre intérêt et pour vous aider à faire valoir vos droits, conservez ce bulletin de paie sans limitation de durée.`,
    `Bulletin de salaire
Rémunération brute   Total des retenues   Allègement de cotisations
Indemnités de transport   Titres-restaurant   Mutuelle
Net à payer au salarié   Virement le`,
  ],
  es: [
    `NÓMINA / RECIBO INDIVIDUAL JUSTIFICATIVO DEL PAGO DE SALARIOS
Empresa: CIF, domicilio, código de cuenta de cotización
Trabajador: NIF, número de afiliación a la Seguridad Social, categoría profesional, grupo de cotización, antigüedad
Periodo de liquidación: del 01/03/2024 al 31/03/2024   Total días 30
I. DEVENGOS
Percepciones salariales: salario base 2.100,00   complementos salariales   horas extraordinarias   gratificaciones extraordinarias
Percepciones no salariales: dietas, plus transporte
A. TOTAL DEVENGADO 2.450,00
II. DEDUCCIONES
Aportación del trabajador a las cotizaciones a la Seguridad Social: contingencias comunes 4,70 %, desempleo 1,55 %, formación profesional 0,10 %, MEI
Impuesto sobre la renta de las personas físicas (IRPF) 12 %
B. TOTAL A DEDUCIR 512,30
LÍQUIDO TOTAL A PERCIBIR (A - B) 1.937,70
Determinación de las bases de cotización a la Seguridad Social y conceptos de recaudación conjunta
Firma y sello de la empresa. Recibí.`,
    `Recibo de salario
Salario bruto   Retenciones   Salario neto   Pagas extra prorrateadas
Cotización empresa   Base de cotización por contingencias profesionales`,
  ],
};
