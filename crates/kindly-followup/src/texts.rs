//! The wording Kindly ships for the default ladder, in English, German,
//! French and Spanish. Written to be warm and precise: greet by name, thank,
//! assume good faith, state the invoice, amount still owing, due date and
//! terms, give the reason, list every way to pay, offer flexibility, never
//! threaten. State only what the record supports: "I have not heard from
//! you" only when nothing was heard since the last step (`heard_from_client`),
//! and a payment received since then is thanked for by its amount and day.

use kindly_core::locale::Locale;

/// (subject, body) for a default stage in a language.
pub(crate) fn default_text(stage: &str, lang: Locale) -> Option<(&'static str, &'static str)> {
    Some(match (stage, lang) {
        ("heads_up", Locale::En) => (
            "Friendly heads-up: {{ invoices_due_on }}",
            "Dear {{ greeting_name }},

Thank you again for your business, it is a pleasure working with you.

This is just a friendly heads-up that {{ invoices_due_on }}: {{ amount_owing }} (payment terms: {{ payment_terms }}).{% if partially_paid %} Of the original {{ original_amount }}, {{ amount_owing }} is still open; thank you for the payment so far.{% endif %}

If it is already on its way, please ignore this note. Otherwise, you can pay in whichever way suits you best:
{{ payment_methods }}

If anything is unclear, just reply and I will gladly help.

Kind regards,
{{ signature }}",
        ),
        ("heads_up", Locale::De) => (
            "Freundlicher Hinweis: {{ invoices_due_on }}",
            "Hallo {{ greeting_name }},

vielen Dank noch einmal für die angenehme Zusammenarbeit.

Nur ein kurzer, freundlicher Hinweis: {{ invoices_due_on }}, offen sind {{ amount_owing }} (Zahlungsziel: {{ payment_terms }}).{% if partially_paid %} Vom ursprünglichen Betrag {{ original_amount }} sind noch {{ amount_owing }} offen; danke für die bisherige Zahlung.{% endif %}

Falls die Zahlung schon unterwegs ist, betrachten Sie diese Nachricht bitte als gegenstandslos. Ansonsten können Sie so bezahlen, wie es Ihnen am besten passt:
{{ payment_methods }}

Wenn etwas unklar ist, antworten Sie einfach, ich helfe gern.

Herzliche Grüße
{{ signature }}",
        ),
        ("heads_up", Locale::Fr) => (
            "Petit rappel amical : {{ invoices_due_on }}",
            "Bonjour {{ greeting_name }},

Merci encore pour votre confiance, c'est un plaisir de travailler avec vous.

Je me permets simplement de vous signaler que {{ invoices_due_on }}, pour un montant de {{ amount_owing }} (conditions de paiement : {{ payment_terms }}).{% if partially_paid %} Sur le montant initial de {{ original_amount }}, il reste {{ amount_owing }} ; merci pour le règlement déjà effectué.{% endif %}

Si le paiement est déjà en route, merci de ne pas tenir compte de ce message. Sinon, vous pouvez régler de la façon qui vous convient le mieux :
{{ payment_methods }}

Si quelque chose n'est pas clair, répondez simplement à ce message, je vous aiderai volontiers.

Bien cordialement,
{{ signature }}",
        ),
        ("heads_up", Locale::Es) => (
            "Aviso amistoso: {{ invoices_due_on }}",
            "Hola, {{ greeting_name }}:

Gracias de nuevo por confiar en mí; es un placer trabajar con usted.

Solo quería recordarle amablemente que {{ invoices_due_on }}, por un importe de {{ amount_owing }} (condiciones de pago: {{ payment_terms }}).{% if partially_paid %} Del importe original de {{ original_amount }} quedan pendientes {{ amount_owing }}; gracias por el pago realizado.{% endif %}

Si el pago ya está en camino, no tenga en cuenta este mensaje. Si no, puede pagar de la forma que le resulte más cómoda:
{{ payment_methods }}

Si algo no está claro, responda a este mensaje y le ayudaré con gusto.

Un cordial saludo,
{{ signature }}",
        ),
        ("reminder", Locale::En) => (
            "Reminder: {{ invoices_were_due_on }}",
            "Dear {{ greeting_name }},

I hope all is well with you. Thank you for your business.

According to my records, {{ invoices_still_open }}: {{ amount_owing }}, due on {{ due_date }} (payment terms: {{ payment_terms }}). It may simply have slipped through; these things happen.{% if partially_paid %} Of the original {{ original_amount }}, {{ amount_owing }} is still to be paid.{% endif %}

You can pay in any of these ways:
{{ payment_methods }}

If you have already paid, thank you, and please ignore this reminder. If something is holding the payment up, just let me know; I am happy to help.

Kind regards,
{{ signature }}",
        ),
        ("reminder", Locale::De) => (
            "Erinnerung: {{ invoices_were_due_on }}",
            "Hallo {{ greeting_name }},

ich hoffe, es geht Ihnen gut. Danke für Ihren Auftrag.

Ein Blick in meine Unterlagen zeigt: {{ invoices_still_open }}, es geht um {{ amount_owing }}, fällig am {{ due_date }} (Zahlungsziel: {{ payment_terms }}). Vielleicht ist das einfach untergegangen, das kann passieren.{% if partially_paid %} Vom ursprünglichen Betrag {{ original_amount }} sind noch {{ amount_owing }} offen.{% endif %}

Sie können auf folgenden Wegen bezahlen:
{{ payment_methods }}

Falls Sie bereits bezahlt haben: vielen Dank, dann ist diese Erinnerung gegenstandslos. Wenn etwas die Zahlung aufhält, sagen Sie mir einfach Bescheid; ich helfe gern.

Herzliche Grüße
{{ signature }}",
        ),
        ("reminder", Locale::Fr) => (
            "Rappel : {{ invoices_were_due_on }}",
            "Bonjour {{ greeting_name }},

J'espère que vous allez bien. Merci pour votre confiance.

D'après mes relevés, {{ invoices_still_open }} : il reste {{ amount_owing }}, avec une échéance au {{ due_date }} (conditions de paiement : {{ payment_terms }}). Un simple oubli est toujours possible, cela arrive.{% if partially_paid %} Sur le montant initial de {{ original_amount }}, il reste {{ amount_owing }} à régler.{% endif %}

Vous pouvez régler de l'une des façons suivantes :
{{ payment_methods }}

Si vous avez déjà payé, merci, et ne tenez pas compte de ce rappel. Si quelque chose retarde le paiement, dites-le-moi simplement, je vous aiderai volontiers.

Bien cordialement,
{{ signature }}",
        ),
        ("reminder", Locale::Es) => (
            "Recordatorio: {{ invoices_were_due_on }}",
            "Hola, {{ greeting_name }}:

Espero que se encuentre bien. Gracias por su confianza.

Según mis registros, {{ invoices_still_open }}: {{ amount_owing }}, con vencimiento el {{ due_date }} (condiciones de pago: {{ payment_terms }}). Es posible que simplemente se haya pasado por alto; son cosas que ocurren.{% if partially_paid %} Del importe original de {{ original_amount }} quedan pendientes {{ amount_owing }}.{% endif %}

Puede pagar de cualquiera de estas formas:
{{ payment_methods }}

Si ya ha pagado, muchas gracias y no tenga en cuenta este recordatorio. Si algo está retrasando el pago, dígamelo; le ayudaré con gusto.

Un cordial saludo,
{{ signature }}",
        ),
        ("follow_up", Locale::En) => (
            "Following up: {{ invoice_phrase }} ({{ amount_owing }} still open)",
            "Dear {{ greeting_name }},

Thank you for your business; I really value working with you.

I am following up {{ about_invoices }}: {{ amount_owing }} is still open, {{ days_overdue }} days after the due date of {{ due_date }} (payment terms: {{ payment_terms }}).{% if partially_paid %} The original amount was {{ original_amount }}.{% endif %} As a small business, I rely on payments arriving on time to keep things running smoothly, so I would be grateful if you could look into it.

To make it as easy as possible, you can pay in any of these ways:
{{ payment_methods }}

If there is a question, or if paying in full is difficult right now, please reply. I am sure we can find a solution together.

Kind regards,
{{ signature }}",
        ),
        ("follow_up", Locale::De) => (
            "Nachfrage: {{ invoice_phrase }} (noch {{ amount_owing }} offen)",
            "Hallo {{ greeting_name }},

vielen Dank für Ihren Auftrag; ich schätze die Zusammenarbeit mit Ihnen sehr.

Ich melde mich noch einmal {{ about_invoices }}: {{ amount_owing }} sind {{ days_overdue }} Tage nach dem Fälligkeitsdatum {{ due_date }} noch offen (Zahlungsziel: {{ payment_terms }}).{% if partially_paid %} Der ursprüngliche Betrag war {{ original_amount }}.{% endif %} Als kleines Unternehmen bin ich darauf angewiesen, dass Zahlungen pünktlich eingehen, damit alles reibungslos weiterläuft. Ich wäre Ihnen daher dankbar, wenn Sie sich kurz darum kümmern könnten.

Damit es möglichst einfach ist, können Sie auf jedem dieser Wege bezahlen:
{{ payment_methods }}

Falls es eine Frage gibt oder eine Zahlung in voller Höhe gerade schwierig ist, antworten Sie bitte. Wir finden sicher gemeinsam eine Lösung.

Herzliche Grüße
{{ signature }}",
        ),
        ("follow_up", Locale::Fr) => (
            "Suivi : {{ invoice_phrase }} ({{ amount_owing }} restant dû)",
            "Bonjour {{ greeting_name }},

Merci pour votre confiance ; j'apprécie vraiment de travailler avec vous.

Je reviens vers vous {{ about_invoices }} : {{ amount_owing }} restent dus, {{ days_overdue }} jours après l'échéance du {{ due_date }} (conditions de paiement : {{ payment_terms }}).{% if partially_paid %} Le montant initial était de {{ original_amount }}.{% endif %} En tant que petite entreprise, je compte sur des paiements reçus à temps pour que tout fonctionne bien ; je vous serais donc reconnaissant d'y jeter un œil.

Pour vous simplifier la tâche, vous pouvez régler de l'une de ces façons :
{{ payment_methods }}

Si vous avez une question, ou si un paiement intégral est difficile en ce moment, répondez-moi. Nous trouverons certainement une solution ensemble.

Bien cordialement,
{{ signature }}",
        ),
        ("follow_up", Locale::Es) => (
            "Seguimiento: {{ invoice_phrase }} ({{ amount_owing }} pendiente)",
            "Hola, {{ greeting_name }}:

Gracias por su confianza; valoro mucho trabajar con usted.

Le escribo de nuevo {{ about_invoices }}: quedan pendientes {{ amount_owing }}, {{ days_overdue }} días después del vencimiento del {{ due_date }} (condiciones de pago: {{ payment_terms }}).{% if partially_paid %} El importe original era de {{ original_amount }}.{% endif %} Como pequeña empresa, dependo de que los pagos lleguen a tiempo para que todo funcione bien, así que le agradecería mucho que pudiera revisarlo.

Para ponérselo lo más fácil posible, puede pagar de cualquiera de estas formas:
{{ payment_methods }}

Si tiene alguna pregunta, o si pagar el total ahora le resulta difícil, respóndame. Seguro que encontramos juntos una solución.

Un cordial saludo,
{{ signature }}",
        ),
        ("plan_offer", Locale::En) => (
            "{{ invoice_phrase_title }}: would a payment plan help?",
            "Dear {{ greeting_name }},

Thank you for your business. I am writing {{ about_invoices }}, due on {{ due_date }} (payment terms: {{ payment_terms }}), on which {{ amount_owing }} is still open.{% if partially_paid %} The original amount was {{ original_amount }}.{% endif %}

I understand that paying everything at once is not always convenient. If it helps, I would be happy to split the balance: {{ plan_offer }} Just reply to say it suits you, or suggest dates that work better.

Of course you can also pay the full amount in any of these ways:
{{ payment_methods }}

Thank you for your understanding; I look forward to hearing from you.

Kind regards,
{{ signature }}",
        ),
        ("plan_offer", Locale::De) => (
            "{{ invoice_phrase_title }}: Wäre eine Ratenzahlung hilfreich?",
            "Hallo {{ greeting_name }},

vielen Dank für Ihren Auftrag. Ich schreibe Ihnen {{ about_invoices }}, fällig am {{ due_date }} (Zahlungsziel: {{ payment_terms }}): Offen sind noch {{ amount_owing }}.{% if partially_paid %} Der ursprüngliche Betrag war {{ original_amount }}.{% endif %}

Ich verstehe, dass es nicht immer passt, alles auf einmal zu bezahlen. Wenn es Ihnen hilft, teile ich den Betrag gern auf: {{ plan_offer }} Antworten Sie einfach, ob das für Sie passt, oder schlagen Sie Termine vor, die Ihnen besser liegen.

Selbstverständlich können Sie den Betrag auch vollständig auf einem dieser Wege bezahlen:
{{ payment_methods }}

Danke für Ihr Verständnis; ich freue mich auf Ihre Rückmeldung.

Herzliche Grüße
{{ signature }}",
        ),
        ("plan_offer", Locale::Fr) => (
            "{{ invoice_phrase_title }} : un paiement échelonné vous aiderait-il ?",
            "Bonjour {{ greeting_name }},

Merci pour votre confiance. Je vous écris {{ about_invoices }} : {{ amount_owing }} restent dus depuis l'échéance du {{ due_date }} (conditions de paiement : {{ payment_terms }}).{% if partially_paid %} Le montant initial était de {{ original_amount }}.{% endif %}

Je comprends qu'il n'est pas toujours simple de tout régler en une fois. Si cela vous aide, je vous propose volontiers d'échelonner le solde : {{ plan_offer }} Répondez-moi simplement si cela vous convient, ou proposez-moi des dates plus adaptées.

Vous pouvez bien sûr aussi régler la totalité de l'une de ces façons :
{{ payment_methods }}

Merci de votre compréhension ; au plaisir de vous lire.

Bien cordialement,
{{ signature }}",
        ),
        ("plan_offer", Locale::Es) => (
            "{{ invoice_phrase_title }}: ¿le ayudaría un plan de pagos?",
            "Hola, {{ greeting_name }}:

Gracias por su confianza. Le escribo {{ about_invoices }}, con vencimiento el {{ due_date }} (condiciones de pago: {{ payment_terms }}): quedan pendientes {{ amount_owing }}.{% if partially_paid %} El importe original era de {{ original_amount }}.{% endif %}

Entiendo que no siempre es cómodo pagarlo todo de una vez. Si le ayuda, con gusto divido el saldo: {{ plan_offer }} Respóndame si le viene bien o propóngame otras fechas que le resulten mejores.

Por supuesto, también puede pagar el importe completo de cualquiera de estas formas:
{{ payment_methods }}

Gracias por su comprensión; quedo a la espera de su respuesta.

Un cordial saludo,
{{ signature }}",
        ),
        ("final_notice", Locale::En) => (
            "{{ invoice_phrase_title }}: {{ amount_owing }} still open, let us settle it together",
            "Dear {{ greeting_name }},

Thank you for the work we have done together. I am writing once more {{ about_invoices }}: {{ amount_owing }} has been open for {{ days_overdue }} days since the due date of {{ due_date }} (payment terms: {{ payment_terms }}).{% if partially_paid %} The original amount was {{ original_amount }}.{% endif %}

{% if recent_payment %}Thank you for the payment of {{ recent_payment }} received on {{ recent_payment_date }}; {{ amount_owing }} is still open, and I would much prefer to settle the rest directly with you.{% elif heard_from_client %}Thank you for being in touch; I would much prefer to settle the rest directly with you.{% else %}I have not heard back from you yet, and I would much prefer to settle it directly with you.{% endif %} As a small business, this payment matters to me. I kindly ask you to pay the amount within the next 14 days, in any of these ways:
{{ payment_methods }}{% if statutory_interest %}

{{ statutory_interest }}{% endif %}

If something is in the way, such as a question about the work or a difficult moment, please get in touch. A payment plan is still possible, and my door remains open.

Thank you, and kind regards,
{{ signature }}",
        ),
        ("final_notice", Locale::De) => (
            "{{ invoice_phrase_title }}: {{ amount_owing }} noch offen – lassen Sie es uns gemeinsam klären",
            "Hallo {{ greeting_name }},

danke für die bisherige Zusammenarbeit. Ich schreibe Ihnen noch einmal {{ about_invoices }}: {{ amount_owing }} sind seit dem Fälligkeitsdatum {{ due_date }} seit {{ days_overdue }} Tagen offen (Zahlungsziel: {{ payment_terms }}).{% if partially_paid %} Der ursprüngliche Betrag war {{ original_amount }}.{% endif %}

{% if recent_payment %}Vielen Dank für Ihre Zahlung über {{ recent_payment }}, eingegangen am {{ recent_payment_date }}; offen sind noch {{ amount_owing }}, und den Rest möchte ich am liebsten direkt mit Ihnen klären.{% elif heard_from_client %}Danke, dass Sie sich gemeldet haben; den offenen Betrag möchte ich am liebsten direkt mit Ihnen klären.{% else %}Bisher habe ich noch nichts von Ihnen gehört, und ich möchte die Sache am liebsten direkt mit Ihnen klären.{% endif %} Als kleines Unternehmen ist diese Zahlung für mich wichtig. Ich bitte Sie freundlich, den Betrag innerhalb der nächsten 14 Tage auf einem dieser Wege zu begleichen:
{{ payment_methods }}{% if statutory_interest %}

{{ statutory_interest }}{% endif %}

Falls etwas dazwischensteht, etwa eine Frage zur Leistung oder eine schwierige Phase, melden Sie sich bitte. Eine Ratenzahlung ist weiterhin möglich, und meine Tür bleibt offen.

Vielen Dank und herzliche Grüße
{{ signature }}",
        ),
        ("final_notice", Locale::Fr) => (
            "{{ invoice_phrase_title }} : {{ amount_owing }} restant dû, réglons-le ensemble",
            "Bonjour {{ greeting_name }},

Merci pour le travail réalisé ensemble. Je vous écris une nouvelle fois {{ about_invoices }} : {{ amount_owing }} restent dus depuis {{ days_overdue }} jours, après l'échéance du {{ due_date }} (conditions de paiement : {{ payment_terms }}).{% if partially_paid %} Le montant initial était de {{ original_amount }}.{% endif %}

{% if recent_payment %}Merci pour votre paiement de {{ recent_payment }} reçu le {{ recent_payment_date }} ; il reste {{ amount_owing }} à régler, et je préférerais de loin régler le solde directement avec vous.{% elif heard_from_client %}Merci d'être revenu vers moi ; je préférerais de loin régler le solde directement avec vous.{% else %}Je n'ai pas encore eu de nouvelles de votre part, et je préférerais de loin régler cela directement avec vous.{% endif %} Pour une petite entreprise comme la mienne, ce paiement compte. Je vous prie de bien vouloir régler ce montant dans les 14 prochains jours, de l'une de ces façons :
{{ payment_methods }}{% if statutory_interest %}

{{ statutory_interest }}{% endif %}

Si quelque chose vous en empêche, une question sur la prestation ou une période difficile, contactez-moi. Un paiement échelonné reste possible et ma porte reste ouverte.

Merci, et bien cordialement,
{{ signature }}",
        ),
        ("final_notice", Locale::Es) => (
            "{{ invoice_phrase_title }}: {{ amount_owing }} pendiente, resolvámoslo juntos",
            "Hola, {{ greeting_name }}:

Gracias por el trabajo que hemos hecho juntos. Le escribo una vez más {{ about_invoices }}: {{ amount_owing }} siguen pendientes {{ days_overdue }} días después del vencimiento del {{ due_date }} (condiciones de pago: {{ payment_terms }}).{% if partially_paid %} El importe original era de {{ original_amount }}.{% endif %}

{% if recent_payment %}Gracias por su pago de {{ recent_payment }}, recibido el {{ recent_payment_date }}; quedan pendientes {{ amount_owing }} y preferiría resolver el resto directamente con usted.{% elif heard_from_client %}Gracias por ponerse en contacto conmigo; preferiría resolver el resto directamente con usted.{% else %}Todavía no he tenido noticias suyas y preferiría resolverlo directamente con usted.{% endif %} Para una pequeña empresa como la mía, este pago es importante. Le ruego amablemente que abone el importe en los próximos 14 días, de cualquiera de estas formas:
{{ payment_methods }}{% if statutory_interest %}

{{ statutory_interest }}{% endif %}

Si algo se lo impide, una duda sobre el trabajo o un momento complicado, póngase en contacto conmigo. Un plan de pagos sigue siendo posible y mi puerta sigue abierta.

Gracias y un cordial saludo,
{{ signature }}",
        ),
        _ => return None,
    })
}
