/** Seed texts of the "other" type. */
import type { SeedSet } from "./seed_types.ts";

export const OTHER: SeedSet = {
  type: "other",
  label: "Other",
  en: [
    `Recipe: Tomato soup
Ingredients: 1 kg tomatoes, 1 onion, 2 cloves of garlic, olive oil, salt and pepper
Preparation: chop the onion, fry it gently, add the tomatoes and simmer for 20 minutes. Serves four.`,
    `Newsletter — Spring edition
News from our neighbourhood: the summer festival returns in June with music, food stalls and games for children.
Join us! Save the date. Tickets on sale now. Follow us on social media.`,
    `Boarding pass   Flight   Gate   Seat   Boarding time   Departure   Arrival   Passenger
Event ticket: admit one, venue, doors open, row, seat, no refunds
Travel itinerary: day 1 arrival and hotel check-in, day 2 guided city tour`,
    `Product brochure
Discover our new collection. Lightweight, durable and designed for everyday adventures. Available in five colours.
Presentation slides: agenda, overview, key takeaways, questions?
Certificate of completion awarded to the participant for successfully completing the course.`,
  ],
  de: [
    `Rezept: Tomatensuppe
Zutaten: 1 kg Tomaten, 1 Zwiebel, 2 Knoblauchzehen, Olivenöl, Salz und Pfeffer
Zubereitung: Zwiebel würfeln, andünsten, Tomaten zugeben und 20 Minuten köcheln lassen.`,
    `Einladung zum Sommerfest
Liebe Nachbarn, wir feiern am Samstag im Hof mit Musik, Grill und Spielen für Kinder. Wir freuen uns auf euch!
Flyer   Veranstaltung   Eintritt frei   Programm   Reiseplan   Bordkarte   Eintrittskarte   Urkunde   Teilnahmebestätigung`,
  ],
  fr: [
    `Recette : soupe de tomates
Ingrédients : 1 kg de tomates, 1 oignon, 2 gousses d'ail, huile d'olive, sel et poivre
Préparation : émincez l'oignon, faites-le revenir, ajoutez les tomates et laissez mijoter 20 minutes.`,
    `Invitation à la fête du quartier
Venez nombreux samedi pour un après-midi de musique, de jeux et de gourmandises !
Programme   Billet d'entrée   Carte d'embarquement   Itinéraire de voyage   Brochure   Catalogue   Attestation de formation`,
  ],
  es: [
    `Receta: sopa de tomate
Ingredientes: 1 kg de tomates, 1 cebolla, 2 dientes de ajo, aceite de oliva, sal y pimienta
Preparación: pique la cebolla, sofríala, añada los tomates y deje cocer 20 minutos.`,
    `Invitación a la fiesta del barrio
¡Os esperamos el sábado con música, comida y juegos para los niños!
Programa   Entrada   Tarjeta de embarque   Itinerario de viaje   Folleto   Catálogo   Diploma de participación`,
  ],
};
