package dev.vmodb.jpa.mapping;

/**
 * Converts between an entity attribute's Java value and the value a row (and the database column) holds.
 */
interface ValueConverter {

	ValueConverter IDENTITY = new ValueConverter() {
		@Override
		public Object toColumn(Object value) {
			return value;
		}

		@Override
		public Object toAttribute(Object value) {
			return value;
		}
	};

	Object toColumn(Object value);

	Object toAttribute(Object value);

	/** Enums are stored as Hibernate stores them: by name or by ordinal. */
	static ValueConverter forEnum(Class<?> type, boolean byName) {
		Object[] constants = type.getEnumConstants();
		return new ValueConverter() {
			@Override
			public Object toColumn(Object value) {
				if (value == null) {
					return null;
				}
				Enum<?> constant = (Enum<?>) value;
				return byName ? constant.name() : (Object) constant.ordinal();
			}

			@Override
			public Object toAttribute(Object value) {
				if (value == null) {
					return null;
				}
				if (byName) {
					for (Object constant : constants) {
						if (((Enum<?>) constant).name().equals(value)) {
							return constant;
						}
					}
					throw new IllegalArgumentException("No constant " + value + " in " + type.getName());
				}
				return constants[((Number) value).intValue()];
			}
		};
	}

}
