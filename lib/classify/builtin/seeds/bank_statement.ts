/** Seed texts of the "bank_statement" type. */
import type { SeedSet } from "./seed_types.ts";

export const BANK_STATEMENT: SeedSet = {
  type: "bank_statement",
  label: "Bank statement",
  en: [
    `Account statement
Statement period: 01/02/2024 to 29/02/2024   Account number ****4521   Sort code
Opening balance 2,340.12
Date   Description   Paid out   Paid in   Balance
02 Feb   Direct debit   45.00      2,295.12
05 Feb   Salary   Bank transfer      3,100.00   5,395.12
07 Feb   Card payment   Supermarket   62.40      5,332.72
Closing balance 4,980.55
Total deposits   Total withdrawals   Overdraft limit   Interest earned
Checking account summary · Savings account summary · Beginning balance · Ending balance
ATM withdrawal · Check #1043 · Online transfer to savings · Service fee`,
    `Credit card statement
Statement closing date   Payment due date   Account ending in 1234
Previous balance   Payments and credits   Purchases   Cash advances   Fees charged   Interest charged
New balance $1,245.30   Minimum payment due $35.00
Credit limit   Available credit   Cash advance limit
Annual percentage rate (APR) for purchases 22.99%
Transactions: trans date, post date, reference number, merchant, amount
Late payment warning: if we do not receive your minimum payment by the date listed above.
Rewards points summary`,
    `Bank statement
Account holder   IBAN GB00 0000 0000 0000 0000 00   BIC
Brokerage account statement: portfolio value, holdings, dividends received, interest, cash balance
Daily balance summary   Standing orders   Direct debits   Faster payments   Pending transactions`,
    `Your account summary
Beginning balance on February 1   Deposits and other additions   Withdrawals and other subtractions   Checks   Service fees   Ending balance on February 29
Deposits and other additions: direct deposit payroll, mobile check deposit, transfer from savings, interest payment
Withdrawals and other subtractions: debit card purchase, online bill payment, ATM cash withdrawal, wire transfer, Zelle payment
Daily ledger balances. Account number. Routing number. Member FDIC.
Please examine this statement promptly and report any discrepancies within 60 days.`,
  ],
  de: [
    `Kontoauszug Nr. 3/2024
Girokonto   IBAN DE12 3456 7890 1234 5678 90   BIC
Kontoinhaber   Auszugsdatum 29.02.2024   Blatt 1 von 2
Alter Kontostand vom 31.01.2024   2.340,12 EUR
Buchungstag   Wertstellung   Verwendungszweck   Betrag
02.02.   02.02.   Lastschrift Versicherung   -45,00
05.02.   05.02.   Gutschrift Gehalt   +3.100,00
07.02.   07.02.   Kartenzahlung Supermarkt   -62,40
Neuer Kontostand vom 29.02.2024   4.980,55 EUR
Dispositionskredit   Sollzins   Habenzins   Überweisung   Dauerauftrag   Auslandseinsatzentgelt
Bitte erheben Sie Einwendungen gegen einzelne Buchungen unverzüglich.`,
    `Kreditkartenabrechnung
Abrechnungszeitraum   Kartennummer   Kreditrahmen   verfügbarer Betrag
Saldo Vormonat   Umsätze   Belastung Ihres Kontos am
Depotauszug / Finanzstatus: Depotbestand, Kurswert, Erträgnisse, Tagesgeldkonto, Sparkonto
Rechnungsabschluss: Entgelte, Zinsen, Kontoführungsgebühr`,
  ],
  fr: [
    `Relevé de compte
Compte courant n° 00012345678   IBAN FR76 1234 5678 9012 3456 7890 123   BIC
Titulaire du compte   Période du 01/02/2024 au 29/02/2024
Solde précédent au 31/01/2024   2 340,12 €
Date   Date de valeur   Libellé de l'opération   Débit   Crédit
02/02   Prélèvement assurance   45,00
05/02   Virement reçu salaire      3 100,00
07/02   Paiement par carte supermarché   62,40
Nouveau solde au 29/02/2024   4 980,55 €
Total des mouvements   Découvert autorisé   Frais bancaires   Agios   Cotisation carte
Retrait DAB   Chèque n°   Virement SEPA émis   Relevé d'identité bancaire`,
    `Relevé de carte bancaire
Opérations du mois   Date d'arrêté   Montant débité sur votre compte différé
Relevé de compte épargne : livret A, intérêts acquis, plafond, solde créditeur
Relevé de portefeuille titres, valorisation, dividendes`,
  ],
  es: [
    `Extracto de cuenta
Cuenta corriente IBAN ES12 3456 7890 1234 5678 9012   BIC
Titular   Periodo del 01/02/2024 al 29/02/2024
Saldo anterior 2.340,12 €
Fecha operación   Fecha valor   Concepto   Cargo   Abono   Saldo
02/02   Recibo domiciliado seguro   -45,00
05/02   Transferencia recibida nómina   +3.100,00
07/02   Compra con tarjeta supermercado   -62,40
Saldo final 4.980,55 €
Movimientos de la cuenta   Comisiones   Intereses   Retirada de efectivo en cajero   Bizum
Descubierto   Transferencia emitida   Adeudo SEPA`,
    `Extracto de tarjeta de crédito
Fecha de liquidación   Límite de crédito   Crédito disponible   Importe aplazado
Resumen de movimientos   Pago mínimo   Tipo de interés TAE
Extracto de cartera de valores: posición, valoración, dividendos cobrados, cuenta de ahorro`,
  ],
};
