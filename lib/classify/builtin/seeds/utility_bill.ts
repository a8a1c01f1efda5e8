/** Seed texts of the "utility_bill" type. */
import type { SeedSet } from "./seed_types.ts";

export const UTILITY_BILL: SeedSet = {
  type: "utility_bill",
  label: "Utility bill",
  en: [
    `Your electricity bill
Account number 1234 5678   Billing period 01 Feb 2024 to 29 Feb 2024
Supply address   Meter number   MPAN
Previous reading 12,345 (actual)   Current reading 12,812 (estimated)
Electricity used 467 kWh
Unit rate 28.62p per kWh   Standing charge 53.35p per day
Energy charges   Climate change levy   VAT at 5%
Amount due £152.40   Pay by direct debit on 15 March 2024
Your tariff, your usage compared with last year, how to read your meter, emergency number`,
    `Water and sewer service statement
Service address   Account number   Customer number
Service period   Days of service   Meter read date
Gallons used   Usage (CCF)   Water charge   Sewer charge   Storm water fee
Previous balance   Payment received - thank you   Current charges
Total amount due $84.12   Due date 04/10/2024
Late fee will be applied if payment is not received by the due date.`,
    `Natural gas bill
Gas usage in therms   Meter reading   Billing days
Customer charge   Delivery charge   Supply charge   Distribution   Transmission
Energy usage history chart   Average daily usage
Internet, phone and TV bill: monthly service charges, data plan, equipment rental
Budget billing plan   Autopay   Disconnection notice`,
    `Your mobile phone bill
Account number   Bill date   Billing period
Monthly plan charges   Usage charges: calls, texts, data   Roaming   One-time charges
Broadband and home phone: line rental, fibre broadband, call charges
Previous bill   Payment received   Total due this month   Direct debit date`,
  ],
  de: [
    `Stromrechnung / Jahresabrechnung
Kundennummer   Vertragskonto   Zählernummer   Marktlokation
Abrechnungszeitraum 01.01.2023 – 31.12.2023
Zählerstand alt 12.345   Zählerstand neu 15.812   Verbrauch 3.467 kWh
Arbeitspreis 32,10 ct/kWh   Grundpreis 12,50 €/Monat
Netzentgelte   Stromsteuer   Konzessionsabgabe   Messstellenbetrieb
Ihre geleisteten Abschläge 1.080,00 €
Nachzahlung 84,12 €   Ihr neuer monatlicher Abschlag beträgt 98,00 €
Der Betrag wird per Lastschrift eingezogen.`,
    `Gasrechnung
Lieferstelle   Zählpunkt   Brennwert   Zustandszahl
Verbrauch in m³ und kWh   CO2-Preis   Energiesteuer
Wasser- und Abwassergebühren: Frischwasser m³, Schmutzwasser, Niederschlagswasser
Abschlagsplan   Guthaben   Fälligkeit
Stadtwerke, Energieversorger, Grundversorgung, Tarif`,
    `Ihre Telefonrechnung / Mobilfunkrechnung
Monatliche Grundgebühr   Verbindungen   Datenvolumen   Internet-Flatrate
Rechnungsmonat   Kundenkonto   Rufnummer
Einzelverbindungsnachweis`,
    `Ihre Mobilfunkrechnung
Tarif   Grundgebühr   Gesprächsminuten   SMS   Daten   Roaming   Festnetz   DSL   Glasfaser
Rechnungszeitraum   Kundennummer   Abbuchung`,
  ],
  fr: [
    `Votre facture d'électricité
Référence client   Numéro de contrat   Point de livraison (PDL)
Période de consommation du 01/01/2024 au 29/02/2024
Relevé du compteur : ancien index 12345, nouvel index 12812 (index réel / estimé)
Consommation 467 kWh
Abonnement   Consommation   Acheminement (TURPE)   Contribution tarifaire d'acheminement
Accise sur l'électricité   TVA 5,5 % et 20 %
Montant à payer 152,40 € TTC   Prélevé le 15/03/2024
Échéancier, mensualisation, offre, puissance souscrite 6 kVA, option heures pleines / heures creuses`,
    `Facture de gaz naturel
Point de comptage et d'estimation (PCE)   Coefficient de conversion
Consommation en m³ et en kWh   Abonnement gaz   Taxe intérieure de consommation
Facture d'eau : abonnement eau potable, consommation m³, assainissement collectif, redevances agence de l'eau
Votre espace client, dépannage, urgence gaz`,
    `Facture internet et téléphone
Forfait mensuel   Box   Appels   Données mobiles   Location du décodeur
Ligne fixe   Numéro de ligne`,
    `Votre facture mobile / internet
Forfait   Hors forfait   Communications   Appels vers fixes et mobiles   SMS   MMS   Internet mobile Go
Abonnement box   Option   Frais de résiliation   Numéro de ligne   Période de facturation
Montant prélevé le   Total de la facture TTC`,
  ],
  es: [
    `Factura de electricidad
Titular del contrato   CUPS   Dirección de suministro   Número de contrato
Periodo de facturación: del 01/01/2024 al 29/02/2024
Lectura anterior 12.345   Lectura actual 12.812 (real / estimada)   Consumo 467 kWh
Término de potencia: potencia contratada 4,6 kW
Término de energía   Impuesto sobre la electricidad   Alquiler de equipos de medida
Peaje de acceso   Cargos   IVA 21 %
Total importe factura 152,40 €   Fecha de cargo 15/03/2024
Comercializadora, distribuidora, averías, bono social`,
    `Factura de agua
Consumo en m³   Cuota de servicio   Alcantarillado   Depuración   Canon del agua
Contador   Lectura   Días facturados
Factura de gas natural: consumo en kWh, término fijo, término variable, impuesto de hidrocarburos`,
    `Factura de telefonía e internet
Cuota mensual   Fibra   Líneas móviles   Llamadas   Datos
Número de cliente   Periodo de facturación`,
    `Su factura de móvil
Tarifa   Cuota   Llamadas   SMS   Datos   Itinerancia   Fibra   Fijo
Periodo de facturación   Número de cliente   Cargo en cuenta`,
  ],
};
