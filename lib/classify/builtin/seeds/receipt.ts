/** Seed texts of the "receipt" type. */
import type { SeedSet } from "./seed_types.ts";

export const RECEIPT: SeedSet = {
  type: "receipt",
  label: "Receipt",
  en: [
    `SALES RECEIPT
Store #0452   Register 3   Cashier: Sam
Date 03/15/2024   Time 14:32
2 x Coffee   7.00
1 x Sandwich   8.50
SUBTOTAL   15.50
TAX   1.24
TOTAL   16.74
VISA ************1234   AUTH CODE 012345
CHANGE DUE   0.00
Thank you for shopping with us! Please keep your receipt for returns or exchanges within 30 days.`,
    `Payment receipt
Receipt number: 2024-0098   Date paid: March 15, 2024
Received from: the customer   Payment method: credit card (Mastercard ending in 4421)
Description: membership fee
Amount paid: $120.00
Balance remaining: $0.00
This receipt confirms that your payment has been received. Thank you for your payment.`,
    `Customer copy - Receipt
Transaction ID 8F3K2   Terminal ID 00123   Merchant ID
Card type: Debit   Entry: Contactless   APPROVED
Items purchased   Qty   Price
Total paid 42.80
Cash tendered 50.00   Change 7.20
Order #1183, table 12, server, tip, gratuity
Donation receipt: thank you for your donation; no goods or services were provided in exchange.`,
    `Receipt
Receipt #1234-5678   Date paid March 15, 2024   Payment method: Visa - 4242
Amount paid $49.00
Summary: Pro plan subscription (Mar 15 – Apr 14, 2024)  $49.00
Total $49.00   Amount paid $49.00
If you have any questions, contact us. You are receiving this receipt because you made a purchase.
Order confirmation: thanks for your order, your order has shipped, order summary, paid`,
    `RENT RECEIPT
Received from the tenant the sum of $1,200.00 for rent of the premises for the month of March 2024.
Paid by: check / cash / bank transfer   Balance due: $0.00
Landlord signature
Receipt of payment, received with thanks, acknowledgment of receipt of funds`,
  ],
  de: [
    `Kassenbon
Filiale 0452   Kasse 3   Bediener: 12
Datum 15.03.2024   Uhrzeit 14:32
Brot 2,49
Milch 1,19
Summe EUR 3,68
Gegeben Bar 5,00   Rückgeld 1,32
MwSt-Satz A 7 % Netto 3,44 MwSt 0,24 Brutto 3,68
Vielen Dank für Ihren Einkauf! Bitte bewahren Sie den Beleg für Umtausch auf.
Beleg-Nr. 4711   TSE-Signatur   Steuernummer`,
    `Quittung
Quittungsnummer 2024-0098
Betrag in Worten: einhundertzwanzig Euro
Betrag 120,00 €
von: erhalten für: Mitgliedsbeitrag
Den Betrag von 120,00 € dankend erhalten.
Ort, Datum, Unterschrift des Empfängers
Zahlungsbeleg / Kartenzahlung girocard kontaktlos Zahlung erfolgt`,
    `Bewirtungsbeleg / Rechnung Gaststätte
Tisch 7   Bedienung
2 Getränke 7,00
1 Hauptgericht 14,50
Gesamt 21,50 €
Trinkgeld   EC-Karte   Terminal-ID   Genehmigungsnummer
Kundenbeleg – Bitte aufbewahren`,
    `Zahlungsbestätigung
Vielen Dank für Ihre Zahlung! Wir haben Ihre Zahlung erhalten.
Bestellnummer   Zahlungsart: PayPal / Kreditkarte   Bezahlt am 15.03.2024
Betrag 49,00 €
Mietquittung: Miete für März erhalten`,
  ],
  fr: [
    `TICKET DE CAISSE
Magasin n° 0452   Caisse 3   Caissier : 12
Le 15/03/2024 à 14:32
2 x Café   3,00
1 x Croissant   1,20
TOTAL   4,20 EUR
Espèces   5,00   Rendu monnaie   0,80
TVA 5,5 %   HT   TTC
Merci de votre visite, à bientôt ! Conservez votre ticket pour tout échange.`,
    `Reçu de paiement
Reçu n° 2024-0098
Reçu de : le client   la somme de : cent vingt euros
Montant payé : 120,00 €
Mode de règlement : carte bancaire / chèque / espèces
Objet : cotisation annuelle
Pour acquit, le 15 mars 2024. Signature.
Ticket carte bancaire : paiement accepté, sans contact, ticket client à conserver.`,
    `Reçu fiscal au titre des dons
Nous certifions avoir reçu à titre de don la somme de 50 euros.
Date du versement   Forme du don   Nature du don : numéraire
Note de restaurant : table, couverts, service compris, pourboire`,
    `Quittance de loyer
Je soussigné, propriétaire du logement, déclare avoir reçu du locataire la somme de 800 euros au titre du loyer et des charges pour la période du 1er au 31 mars 2024.
Confirmation de paiement : nous avons bien reçu votre règlement. Merci pour votre commande.`,
  ],
  es: [
    `TICKET DE COMPRA
Tienda 0452   Caja 3   Le atendió: 12
Fecha 15/03/2024   Hora 14:32
2 x Café   3,00
1 x Bocadillo   4,50
TOTAL   7,50 €
Efectivo   10,00   Cambio   2,50
IVA incluido   Base   Cuota
¡Gracias por su compra! Conserve el ticket para cambios y devoluciones.`,
    `Recibo
Recibo n.º 2024-0098
Recibí de: el cliente   la cantidad de: ciento veinte euros
Concepto: cuota de socio
Importe pagado: 120,00 €
Forma de pago: tarjeta de crédito / efectivo
Fecha: 15 de marzo de 2024. Firma del receptor.
Comprobante de pago con tarjeta: operación aprobada, copia para el cliente.`,
    `Factura simplificada / tique
Mesa 7   Camarero   Comensales
Propina   Pagado con tarjeta   Número de operación
Gracias por su visita`,
    `Justificante de pago
Hemos recibido su pago. Gracias por su pedido.
Número de pedido   Método de pago   Fecha de pago 15/03/2024   Importe cobrado 49,00 €
Recibo de alquiler: recibí del inquilino la cantidad correspondiente a la renta del mes de marzo.`,
  ],
};
