/** Seed texts of the "invoice" type. */
import type { SeedSet } from "./seed_types.ts";

export const INVOICE: SeedSet = {
  type: "invoice",
  label: "Invoice",
  en: [
    `INVOICE
Invoice number: INV-2024-0153
Invoice date: 15/03/2024   Due date: 14/04/2024
Bill to: Customer name, street address, city, postcode
Customer ID: 10442   Purchase order no.: PO-7781
Description   Qty   Unit price   Amount
Consulting services (hours)   12   95.00   1,140.00
Subtotal 1,140.00
VAT 20% 228.00
Total due 1,368.00 GBP
Payment terms: 30 days net. Please include the invoice number with your payment.
Bank details: account name, sort code, account number, IBAN, BIC/SWIFT
VAT registration number GB 123 4567 89`,
    `Tax invoice
Invoice # 2024-118        Date of issue March 2, 2024
Sold to / Ship to
Item   Description   Quantity   Rate   Line total
Shipping and handling
Sales tax 8.25%
Balance due $2,431.90
Amount paid $0.00
Please remit payment by the due date. Late payments are subject to a fee of 1.5% per month.
Make all checks payable to the company. Thank you for your business!`,
    `Invoice
Billing address   Delivery address
Order number   Order date   Delivery note number
Pos.  Article no.  Description  Qty  Unit  Net price  Total net
Net amount 850.00 EUR
plus 19% VAT 161.50 EUR
Invoice total 1,011.50 EUR
Payable within 14 days without deduction. Terms of payment: 2% discount if paid within 7 days.
Supplier VAT ID, tax number, registered office, managing director, commercial register`,
    `INVOICE
From: the supplier   To: the client
Invoice No. 000457   Invoice Date 2024-01-31   Payment Due 2024-02-29
Services rendered in January 2024
Hours   Rate   Amount
Subtotal   Discount   Tax   Total
Amount Due (USD) $4,200.00
Pay online or by bank transfer. Reference: invoice number.
Credit note / pro forma invoice / recurring invoice for subscription period`,
    `Invoice
Order # 112-4455667   Order date 12 March 2024   Invoice date 13 March 2024
Sold by   Invoice details   Billing address   Shipping address
Qty   Item   Unit price (excl. VAT)   VAT rate   Total price
Item subtotal   Shipping and handling   Total before tax   Estimated tax   Grand total
Payment information: paid by credit card. This invoice was generated electronically.
Hotel folio: room charges, nights, city tax, minibar, check-in, check-out`,
    `Statement of account / overdue reminder
Your invoice is now past due. Please arrange payment of the outstanding amount immediately.
Invoice no.   Invoice date   Due date   Days overdue   Outstanding balance
Final notice before collection. If you have already paid, please disregard this notice.`,
  ],
  de: [
    `RECHNUNG
Rechnungsnummer: RE-2024-0153
Rechnungsdatum: 15.03.2024
Kundennummer: 10442   Lieferdatum: 12.03.2024   Leistungszeitraum: März 2024
Pos. Menge Einheit Bezeichnung Einzelpreis Gesamtpreis
1 2 Stk. Artikel 45,00 € 90,00 €
Nettobetrag 90,00 €
zzgl. 19 % MwSt. 17,10 €
Gesamtbetrag 107,10 €
Zahlbar innerhalb von 14 Tagen ohne Abzug. Bitte geben Sie bei Zahlung die Rechnungsnummer an.
Bankverbindung: IBAN DE12 3456 7890 1234 5678 90, BIC
USt-IdNr. DE123456789 · Steuernummer · Geschäftsführer · Amtsgericht HRB`,
    `Rechnung Nr. 2024-118
Datum: 02.03.2024
Sehr geehrte Damen und Herren, wir erlauben uns, Ihnen folgende Leistungen in Rechnung zu stellen:
Leistung   Stunden   Stundensatz   Betrag
Zwischensumme netto
Umsatzsteuer 19 %
Rechnungsbetrag brutto 2.431,90 EUR
Bitte überweisen Sie den Betrag bis zum 16.03.2024 auf das unten genannte Konto.
Skonto: 2 % bei Zahlung innerhalb von 7 Tagen.
Gemäß § 19 UStG wird keine Umsatzsteuer berechnet (Kleinunternehmerregelung).`,
    `Rechnung
Rechnungsanschrift   Lieferanschrift
Bestellnummer   Auftragsnummer   Lieferschein-Nr.
Artikelnummer   Beschreibung   Anzahl   Preis   Summe
Versandkosten
Summe netto   MwSt. 7 %   MwSt. 19 %
Endbetrag 1.011,50 €
Fällig am 30.04.2024. Zahlungsziel 30 Tage netto.
Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum.`,
    `Zahlungserinnerung / Mahnung
Sicher haben Sie übersehen, dass unsere Rechnung noch offen ist. Bitte überweisen Sie den fälligen Betrag innerhalb von 7 Tagen.
Rechnungsnummer   Rechnungsdatum   Fälligkeitsdatum   offener Betrag   Mahngebühr`,
  ],
  fr: [
    `FACTURE
Numéro de facture : FA-2024-0153
Date de facture : 15/03/2024   Date d'échéance : 14/04/2024
Client : nom, adresse, code postal, ville
Désignation   Quantité   Prix unitaire HT   Montant HT
Total HT 1 140,00 €
TVA 20 % 228,00 €
Total TTC 1 368,00 €
Net à payer 1 368,00 €
Conditions de paiement : 30 jours fin de mois. Pénalités de retard : trois fois le taux d'intérêt légal.
Indemnité forfaitaire pour frais de recouvrement : 40 €.
SIRET · RCS · N° TVA intracommunautaire FR12345678901 · SARL au capital de 10 000 €`,
    `Facture n° 2024-118
Date : 2 mars 2024
Référence client   Bon de commande   Bon de livraison
Référence   Description   Qté   PU HT   Remise   Total HT
Frais de port
Montant total HT
TVA (20 %)
Montant TTC 2 431,90 EUR
Règlement par virement bancaire à réception de facture. RIB / IBAN / BIC.
TVA non applicable, article 293 B du CGI.`,
    `Facture
Émetteur   Destinataire
Facture d'acompte / facture de solde / avoir
Prestations réalisées en janvier 2024
Total hors taxes   Taux de TVA   Montant de la TVA   Total toutes taxes comprises
Échéance de paiement : 30 jours. Escompte pour paiement anticipé : néant.`,
    `Relance : facture impayée
Sauf erreur de notre part, la facture ci-dessous reste impayée à ce jour. Nous vous remercions de procéder à son règlement sous huitaine.
Numéro de facture   Date   Échéance   Montant restant dû`,
  ],
  es: [
    `FACTURA
Número de factura: F-2024-0153
Fecha de factura: 15/03/2024   Fecha de vencimiento: 14/04/2024
Datos del cliente: nombre, NIF/CIF, dirección, código postal, población
Concepto   Cantidad   Precio unitario   Importe
Base imponible 1.140,00 €
IVA 21 % 239,40 €
Total factura 1.379,40 €
Forma de pago: transferencia bancaria a la cuenta IBAN ES12 3456 7890 1234 5678 9012.
Vencimiento: 30 días desde la fecha de emisión.
Inscrita en el Registro Mercantil · CIF B12345678`,
    `Factura n.º 2024-118
Fecha de emisión: 2 de marzo de 2024
Emisor   Receptor
Descripción del servicio   Unidades   Precio   Descuento   Subtotal
Base imponible
Cuota de IVA (21 %)
Retención IRPF (15 %)
Total a pagar 2.431,90 €
Factura rectificativa / factura proforma / factura simplificada.
Plazo de pago: 30 días. Gracias por su confianza.`,
    `Factura
Número de pedido   Albarán   Fecha de entrega
Referencia   Artículo   Cant.   Precio   Importe
Gastos de envío
Importe neto   Tipo IVA   Cuota IVA
Importe total 1.011,50 EUR
Domiciliación bancaria / pago al contado / pago a 60 días.`,
    `Recordatorio de pago
Le recordamos que la factura indicada está pendiente de pago. Le rogamos que abone el importe adeudado en un plazo de siete días.
Número de factura   Fecha   Vencimiento   Importe pendiente`,
  ],
};
