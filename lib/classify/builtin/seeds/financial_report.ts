/** Seed texts of the "financial_report" type. */
import type { SeedSet } from "./seed_types.ts";

export const FINANCIAL_REPORT: SeedSet = {
  type: "financial_report",
  label: "Financial report",
  en: [
    `Annual Report 2023
Letter to shareholders   Highlights of the year   Management discussion and analysis
Consolidated income statement for the year ended 31 December 2023
Revenue 1,245.3 million   Cost of sales   Gross profit   Operating expenses
Operating income (EBIT)   EBITDA   Net income   Earnings per share (basic and diluted)
Consolidated balance sheet: total assets, current assets, non-current assets, total liabilities, shareholders' equity
Consolidated statement of cash flows: operating activities, investing activities, financing activities
Revenue increased 12% compared to the prior year. Operating margin improved to 18.4%.
Dividend per share   Outlook for fiscal year 2024   Risk factors   Segment information
Notes to the consolidated financial statements   Independent auditor's report`,
    `Quarterly report Q3 2024
Third quarter results   Nine months ended September 30   Year-over-year growth
Key performance indicators   Net sales by region   Guidance
Condensed consolidated statements of operations (unaudited)
Earnings release: diluted EPS, free cash flow, capital expenditures, net debt
Budget vs actual   Variance analysis   Profit and loss statement   Fund performance, net asset value
Form 10-K / Form 10-Q   Securities and Exchange Commission   Forward-looking statements`,
    `Financial highlights
In fiscal 2023, net sales increased by 8% to 4.2 billion, driven by strong demand in all regions. Gross margin decreased slightly due to higher input costs.
Operating profit amounted to 512 million (prior year: 468 million). Net debt was reduced to 1.1 billion. Free cash flow reached 390 million.
The Board of Directors proposes a dividend of 1.20 per share. For the coming year, management expects revenue growth in the mid-single digits.
Statement of financial position. Statement of comprehensive income. Statement of changes in equity. Accounting policies. Impairment. Goodwill. Depreciation and amortization. Provisions. Deferred taxes.`,
  ],
  de: [
    `Geschäftsbericht 2023
Brief an die Aktionäre   Konzernlagebericht   Kennzahlen im Überblick
Konzern-Gewinn- und Verlustrechnung für das Geschäftsjahr 2023
Umsatzerlöse 1.245,3 Mio. €   Herstellungskosten   Bruttoergebnis vom Umsatz
Betriebsergebnis (EBIT)   EBITDA   Jahresüberschuss   Ergebnis je Aktie
Konzernbilanz zum 31. Dezember 2023: Aktiva, Passiva, Anlagevermögen, Umlaufvermögen, Eigenkapital, Rückstellungen, Verbindlichkeiten
Kapitalflussrechnung   Eigenkapitalspiegel   Konzernanhang
Der Umsatz stieg gegenüber dem Vorjahr um 12 %. Die EBIT-Marge verbesserte sich auf 18,4 %.
Dividendenvorschlag   Prognosebericht   Risikobericht   Bestätigungsvermerk des unabhängigen Abschlussprüfers`,
    `Quartalsbericht / Zwischenbericht Q3 2024
Neunmonatszeitraum   Umsatzwachstum   Auftragseingang   Ausblick
Jahresabschluss: Bilanz, Gewinn- und Verlustrechnung, Anhang
Betriebswirtschaftliche Auswertung (BWA)   Summen- und Saldenliste   Planzahlen   Abweichung`,
    `Im Geschäftsjahr 2023 stieg der Konzernumsatz um 8 % auf 4,2 Mrd. €. Das operative Ergebnis belief sich auf 512 Mio. € (Vorjahr: 468 Mio. €).
Die Eigenkapitalquote beträgt 42 %. Der Vorstand schlägt eine Dividende von 1,20 € je Aktie vor. Für das kommende Jahr erwarten wir ein moderates Umsatzwachstum.
Abschreibungen, Rückstellungen, latente Steuern, Firmenwert, Segmentberichterstattung, Aufsichtsrat, Hauptversammlung.`,
  ],
  fr: [
    `Rapport annuel 2023
Message du président   Chiffres clés   Rapport de gestion
Compte de résultat consolidé de l'exercice clos le 31 décembre 2023
Chiffre d'affaires 1 245,3 millions d'euros   Marge brute   Résultat opérationnel   Résultat net part du groupe
Résultat par action   EBITDA
Bilan consolidé : actif non courant, actif courant, capitaux propres, passifs, dettes financières
Tableau des flux de trésorerie   Annexe aux comptes consolidés
Le chiffre d'affaires progresse de 12 % par rapport à l'exercice précédent.
Dividende proposé   Perspectives   Facteurs de risques   Rapport des commissaires aux comptes`,
    `Rapport financier semestriel / trimestriel
Résultats du troisième trimestre   Croissance organique   Endettement net
Comptes annuels : bilan, compte de résultat, annexe   Liasse fiscale   Budget prévisionnel   Écart`,
    `Au cours de l'exercice 2023, le chiffre d'affaires consolidé a progressé de 8 % pour atteindre 4,2 milliards d'euros. Le résultat opérationnel s'élève à 512 millions d'euros (exercice précédent : 468 millions).
Le conseil d'administration proposera un dividende de 1,20 euro par action. Amortissements, provisions, impôts différés, écarts d'acquisition, information sectorielle.`,
  ],
  es: [
    `Informe anual 2023
Carta del presidente   Principales magnitudes   Informe de gestión consolidado
Cuenta de pérdidas y ganancias consolidada del ejercicio terminado el 31 de diciembre de 2023
Importe neto de la cifra de negocios 1.245,3 millones de euros   Resultado de explotación   EBITDA
Resultado del ejercicio   Beneficio por acción
Balance consolidado: activo no corriente, activo corriente, patrimonio neto, pasivo corriente
Estado de flujos de efectivo   Memoria consolidada
Los ingresos aumentaron un 12 % respecto al ejercicio anterior.
Dividendo   Perspectivas   Informe de auditoría de cuentas anuales`,
    `Informe financiero trimestral / semestral
Resultados del tercer trimestre   Crecimiento interanual   Deuda financiera neta
Cuentas anuales: balance, cuenta de resultados, memoria   Presupuesto   Desviaciones`,
    `En el ejercicio 2023, la cifra de negocios consolidada aumentó un 8 % hasta 4.200 millones de euros. El resultado de explotación ascendió a 512 millones (ejercicio anterior: 468 millones).
El consejo de administración propondrá un dividendo de 1,20 euros por acción. Amortizaciones, provisiones, impuestos diferidos, fondo de comercio, información por segmentos.`,
  ],
};
