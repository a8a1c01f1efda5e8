/** Seed texts of the "tax_document" type. */
import type { SeedSet } from "./seed_types.ts";

export const TAX_DOCUMENT: SeedSet = {
  type: "tax_document",
  label: "Tax document",
  en: [
    `Form W-2 Wage and Tax Statement 2023
Copy B — To Be Filed With Employee's FEDERAL Tax Return
a Employee's social security number
b Employer identification number (EIN)
c Employer's name, address, and ZIP code
1 Wages, tips, other compensation   2 Federal income tax withheld
3 Social security wages   4 Social security tax withheld
5 Medicare wages and tips   6 Medicare tax withheld
12a See instructions for box 12   13 Statutory employee, retirement plan, third-party sick pay
15 State   Employer's state ID number   16 State wages, tips, etc.   17 State income tax
Department of the Treasury — Internal Revenue Service`,
    `Form 1040 U.S. Individual Income Tax Return 2023
Filing status: single, married filing jointly, married filing separately, head of household
Your first name and middle initial   Last name   Your social security number
Dependents   Standard deduction   Itemized deductions (Schedule A)
Total income   Adjusted gross income   Taxable income
Total tax   Federal income tax withheld from Forms W-2 and 1099
Amount you overpaid   Refund   Amount you owe   Estimated tax penalty
Under penalties of perjury, I declare that I have examined this return and accompanying schedules and statements.
Paid preparer use only   For Privacy Act and Paperwork Reduction Act Notice, see separate instructions.`,
    `Form 1099-MISC / 1099-INT / 1099-DIV
PAYER'S name   PAYER'S TIN   RECIPIENT'S TIN   Account number
Rents   Royalties   Other income   Nonemployee compensation   Interest income   Ordinary dividends
This is important tax information and is being furnished to the IRS.
Notice of assessment / tax return / tax year 2023 / tax credit / tax withholding
HM Revenue & Customs Self Assessment tax calculation: income tax due, personal allowance, Unique Taxpayer Reference (UTR)
Property tax bill: assessed value, tax rate, exemptions, parcel number, tax collector`,
    `Tax Return Summary
Tax year   Taxpayer identification number   Return type
Gross income   Deductions   Exemptions   Tax credits   Tax payable   Tax refundable
Capital gains   Withholding tax certificate   Annual tax statement`,
    `Tax statement / tax certificate
Taxable year   Tax identification number   Gross amount   Tax withheld   Net amount
Instructions for recipient   Keep for your records   Corrected
Federal tax return   State tax return   Amended return   Estimated tax payments   Tax due`,
  ],
  de: [
    `Finanzamt
Steuernummer 12/345/67890   Identifikationsnummer
Bescheid für 2023 über Einkommensteuer, Solidaritätszuschlag und Kirchensteuer
Festsetzung   Einkommensteuer   Solidaritätszuschlag   Kirchensteuer
Einkünfte aus nichtselbständiger Arbeit   Werbungskosten   Sonderausgaben   außergewöhnliche Belastungen
Summe der Einkünfte   Gesamtbetrag der Einkünfte   zu versteuerndes Einkommen
festgesetzt werden   abzüglich Steuerabzug vom Lohn   verbleibende Beträge
Erstattung 812,00 €   Nachzahlung   Der Erstattungsbetrag wird auf Ihr Konto überwiesen.
Rechtsbehelfsbelehrung: Der Bescheid kann mit dem Einspruch angefochten werden.
Der Bescheid ist nach § 165 AO vorläufig.`,
    `Ausdruck der elektronischen Lohnsteuerbescheinigung für 2023
Dauer des Dienstverhältnisses   Bruttoarbeitslohn   einbehaltene Lohnsteuer   Solidaritätszuschlag   Kirchensteuer
Arbeitgeberanteil zur gesetzlichen Rentenversicherung   Arbeitnehmeranteil
eTIN   Steuerklasse   Identifikationsnummer
Einkommensteuererklärung / Steuererklärung / Anlage N / Anlage KAP / Anlage Vorsorgeaufwand
Umsatzsteuer-Voranmeldung   Gewerbesteuerbescheid   Grundsteuerbescheid   Steuerbescheinigung
Bundeszentralamt für Steuern   ELSTER`,
  ],
  fr: [
    `AVIS D'IMPÔT 2023 SUR LES REVENUS DE 2022
Direction générale des Finances publiques
Numéro fiscal   Référence de l'avis   Numéro FIP
Situation de famille   Nombre de parts   Quotient familial
Revenu brut global   Revenu imposable   Revenu fiscal de référence
Impôt sur le revenu net   Prélèvements sociaux   Retenue à la source / acomptes déjà versés
Montant de votre impôt   Reste à payer   Restitution   Date de mise en recouvrement
Taux de prélèvement à la source   Ce document peut vous être demandé pour bénéficier de certains avantages.`,
    `Déclaration des revenus 2042
Traitements, salaires   Pensions, retraites, rentes   Revenus de capitaux mobiliers   Revenus fonciers
Charges déductibles   Réductions et crédits d'impôt   Dons   Emploi à domicile
Taxe foncière / taxe d'habitation : base d'imposition, cotisation, valeur locative cadastrale
Avis de situation déclarative à l'impôt sur le revenu
Attestation fiscale annuelle   Imprimé fiscal unique (IFU)   Service des impôts des particuliers   impots.gouv.fr`,
    `Impôt sur le revenu — déclaration
Foyer fiscal   Contribuable   Déclarant 1   Déclarant 2   Personnes à charge
Case 1AJ revenus d'activité   Case 8TK   Montant des revenus imposables
Barème progressif   Tranche marginale d'imposition   Décote   Plafonnement du quotient familial
Crédit d'impôt   Réduction d'impôt   Acompte contemporain   Solde de l'impôt
Formulaire cerfa n° 2042   Centre des finances publiques`,
    `Impôts locaux — avis de taxe foncière
Propriétés bâties   Base d'imposition   Taux voté par la commune   Cotisations
Date limite de paiement   Montant à payer   Majoration de 10 %
Espace particulier   Identifiant fiscal`,
  ],
  es: [
    `Declaración de la Renta — Impuesto sobre la Renta de las Personas Físicas (IRPF) Ejercicio 2023
Agencia Tributaria   Modelo 100
NIF del declarante   Estado civil   Cónyuge   Descendientes
Rendimientos del trabajo   Rendimientos del capital mobiliario   Ganancias y pérdidas patrimoniales
Base imponible general   Base liquidable   Cuota íntegra estatal y autonómica   Deducciones
Cuota líquida   Retenciones y pagos a cuenta   Cuota diferencial
Resultado de la declaración: a devolver / a ingresar
Número de justificante   Código seguro de verificación`,
    `Certificado de retenciones e ingresos a cuenta del IRPF
Retenedor   Perceptor   Rendimientos íntegros   Retenciones practicadas
Modelo 303 IVA autoliquidación trimestral   Modelo 130 pago fraccionado
Impuesto sobre Bienes Inmuebles (IBI) recibo, valor catastral
Hacienda   Sede electrónica   Notificación de liquidación provisional`,
  ],
};
