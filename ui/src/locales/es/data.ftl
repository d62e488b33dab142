## Import and export: CSV import and export, e-invoices issued elsewhere, the JSON archive.

data-archive-title = Todo en un único archivo JSON
data-archive-intro = Clientes, facturas, pagos, historial, planes, promesas, correos, cartas y movimientos bancarios, en un archivo que otras herramientas pueden leer. Nunca incluye contraseñas.
data-saving = Guardando…
data-archive-save = Guardar el archivo…
data-archive-saved = { $count ->
    [one] Se ha guardado { $count } registro en { $path }.
   *[other] Se han guardado { $count } registros en { $path }.
}
data-einvoice-title = Facturas electrónicas emitidas en otro lugar
data-einvoice-intro = Los PDF Factur-X o ZUGFeRD y los archivos XML XRechnung o Peppol se convierten en facturas a las que hacer seguimiento; el archivo original se conserva como justificante. Importar de nuevo un archivo no añade nada.
data-importing = Importando…
data-einvoice-choose = Elegir una factura electrónica…
data-einvoice-drop = O suelte aquí uno o varios archivos.
data-einvoice-summary = Importadas: { $imported }, ya existentes: { $already }, rechazadas: { $refused }.
data-einvoice-open = Abrir la factura { $number }
data-export-clients = Exportar clientes…
data-export-invoices = Exportar facturas…
data-export-payments = Exportar pagos…
data-export-timeline = Exportar historial…
data-title = Importar y exportar
data-import-title = Importar un archivo CSV
data-import-intro = Clientes, facturas o pagos de otra herramienta. Elija el archivo o suéltelo en esta página.
data-import-kind = Contenido del archivo
data-import-from = Procedencia
data-import-detect = Detectar por las columnas
data-import-choose = Elegir un archivo CSV…
data-mapping-title = Cómo lee Kindly el archivo
data-mapping-detected = Las columnas parecen una exportación de { $tool }.
data-mapping-encoding = Codificación
data-mapping-delimiter = Separador
data-delimiter-comma = Coma ,
data-delimiter-semicolon = Punto y coma ;
data-delimiter-tab = Tabulador
data-delimiter-bar = Barra vertical |
data-mapping-decimal = Separador decimal
data-mapping-date-format = Formato de fecha
data-mapping-currency = Moneda si el archivo no indica ninguna
data-mapping-field = Campo de Kindly
data-mapping-column = Columna del archivo
data-mapping-not-in-file = (no está en el archivo)
data-mapping-column-n = Columna { $n }
data-preview = Las primeras filas del archivo
data-dry-run = Prueba
data-dry-run-summary = { $count ->
    [one] { $count } fila leída: { $summary }.
   *[other] { $count } filas leídas: { $summary }.
}
data-ignored-columns = Columnas ignoradas: { $columns }.
data-problem-row = Fila
data-problem-column = Columna
data-problem-value = Valor
data-problem-problem = Problema
data-problems-hint = No se importa nada mientras haya problemas: corrija la asignación de arriba, o el archivo, y la prueba se repetirá.
data-import-apply = Importar
data-import-done = Importado: { $clients ->
        [one] { $clients } cliente
       *[other] { $clients } clientes
    }, { $invoices ->
        [one] { $invoices } factura
       *[other] { $invoices } facturas
    }, { $payments ->
        [one] { $payments } pago
       *[other] { $payments } pagos
    } ({ $summary }).
data-export-title = Exportar como CSV
data-export-intro = Archivos CSV seguros para hojas de cálculo, con las columnas que la importación de Kindly vuelve a leer.
data-exported = { $count ->
    [one] { $kind }: { $count } fila guardada en { $path }
   *[other] { $kind }: { $count } filas guardadas en { $path }
}
data-summary = { $new ->
    [one] { $new } registro nuevo
   *[other] { $new } registros nuevos
    }, { $already } ya en Kindly
data-summary-problems = { $new ->
    [one] { $new } registro nuevo
   *[other] { $new } registros nuevos
    }, { $already } ya en Kindly, { $problems ->
    [one] { $problems } problema
   *[other] { $problems } problemas
    }
data-einvoice-imported = { $file }: factura { $number } para { $created ->
    [new] el nuevo cliente { $client }
   *[known] { $client }
}, { $total }, vence el { $due }.
data-einvoice-already = { $file }: la factura { $number } ya está, importada desde { $how ->
    [same] este archivo
   *[other] { $earlier } (mismo vendedor y número)
} el { $on }; no se añadió nada.
